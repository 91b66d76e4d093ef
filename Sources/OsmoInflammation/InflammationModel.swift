// Placeholder so the module builds; the inflammation submodel is being written (issue 4).
