"""A reference implementation of osmo's model in Python (NumPy + SciPy solve_ivp).

Written from MODEL.md and the Swift source (Sources/OsmoPhysiology: BodyConstants, Fluxes, FluidModel,
Schedule, Observer, InflammationTrack, Simulation; Sources/OsmoInflammation: InflammationModel+Derivatives,
CrampScore) as of the commit named in REFERENCE_OF below, so that osmo's trajectories can be checked
against an independent solver (crosscheck.py) and its speed compared (speed.py).

Input: one arm's resolved problem as `osmo problem SCENARIO.yaml` prints it (parameters after
overrides, illness, doses; canonical units h, L, kg, mmol/L). Output: the sample times and every
column of osmo's timeseries.csv.

    import json, subprocess, osmo_ref
    arms = json.loads(subprocess.check_output(["osmo", "problem", "Scenarios/norovirus-adult.yaml"]))["arms"]
    t, cols, info = osmo_ref.simulate(arms[1], method="LSODA", rtol=1e-10, atol=1e-12)
"""
import math

import numpy as np
from scipy.optimize import brentq
from scipy.integrate import solve_ivp

REFERENCE_OF = ("osmo main after the Physiology III merge (charge-balanced fluxes, cell and bone buffers, pH and pCO2 "
                "with Winter's relation, adaptive NH4+, lactate, K shifts, upwind paracellular drift and solvent drag, "
                "villus injury, GLUT2 fructose, colonic Na/K exchange, thirst water in usual intake; Cl and base ledgers), "
                "plus issue 12 (inflam branch): mucosal inflammation and injury, CRP, paracetamol and ibuprofen")

# --- State layout (StateIndex.swift) -------------------------------------------------------------
PV, ISF, CELLV = 0, 1, 2
ECF_NA, ECF_K, ECF_CL, ECF_BASE, ECF_MG, ECF_GLU = 3, 4, 5, 6, 7, 8
CELL_NA, CELL_K, MG_POOL = 9, 10, 11
STOMACH, LUMEN, LUMEN_UNABS = 12, 21, 30
AVP, ALDO = 31, 32
CUM_ORAL, CUM_IV, CUM_STOOL, CUM_URINE, CUM_INS, CUM_VOMIT, CUM_METW = 33, 34, 35, 36, 37, 38, 39
CUM_NA_IN, CUM_NA_OUT, CUM_K_IN, CUM_K_OUT = 40, 41, 42, 43
BUFFER_H, NH4_EXTRA = 44, 45
CUM_CL_IN, CUM_CL_OUT, CUM_BASE_IN, CUM_BASE_OUT = 46, 47, 48, 49
ECF_LAC = 50
ECF_KET, GLYCOGEN = 51, 52
N = 53
# Mix order: water, then the gut species (GutSpecies)
W, NA, K, CL, HCO3, CIT, MG, GLU, FRU = range(9)
SPECIES = ["sodium", "potassium", "chloride", "bicarbonate", "citrate", "magnesium", "glucose", "fructose"]

OBSERVABLES = [
    "time_h", "body_weight_kg", "weight_loss_pct", "water_total_L", "volume_plasma_L", "volume_interstitial_L",
    "volume_intracellular_L", "volume_gut_lumen_L", "na_plasma_mmol_L", "k_plasma_mmol_L", "cl_plasma_mmol_L",
    "hco3_plasma_mmol_L", "mg_plasma_mmol_L", "glucose_plasma_mmol_L", "osmolality_plasma_mosm_kg",
    "urine_rate_mL_kg_h", "stool_rate_mL_h", "cum_oral_intake_L", "cum_iv_intake_L", "cum_stool_L", "cum_urine_L",
    "cum_insensible_L", "cum_vomit_L", "cum_metabolic_water_L", "na_total_mmol", "k_total_mmol", "cum_na_in_mmol",
    "cum_na_out_mmol", "cum_k_in_mmol", "cum_k_out_mmol", "tnf_pg_mL", "il1b_pg_mL", "il6_pg_mL", "il10_pg_mL",
    "temperature_C", "myalgia_score", "cramp_score", "pathogen_load", "urine_osm_mosm_kg", "gfr_mL_min",
    "adh_pmol_L", "aldosterone_rel", "thirst_vas", "stool_na_mmol_L", "stool_k_mmol_L", "volume_stomach_L",
    "ph_plasma", "pco2_mmHg", "anion_gap_mmol_L", "cum_cl_in_mmol", "cum_cl_out_mmol", "cl_total_mmol",
    "cum_base_in_mmol", "cum_base_out_mmol", "base_total_mmol", "stool_cl_mmol_L", "stool_base_mmol_L",
    "urine_nh4_mmol_day", "insulin_rel", "adrenaline_ng_mL", "thirst_drinking_mL_h", "lactate_mmol_L",
    "buffer_na_released_mmol", "ketone_mmol_L", "liver_glycogen_pct",
    # issue 12: infection of the mucosa, acute phase, fever medicines
    "mucosal_inflammation", "stool_blood", "abdominal_pain_score", "crp_mg_L", "paracetamol_mg_L", "ibuprofen_mg_L",
    # circulation (issue 12)
    "heart_rate_bpm", "map_mmHg", "systolic_mmHg", "diastolic_mmHg", "orthostatic_hr_rise_bpm",
    "orthostatic_sbp_drop_mmHg", "haematocrit", "blood_volume_L", "cardiac_output_rel", "tachycardia", "dizziness", "shock",
]


def unlisted_anion(fluid):
    """Fluid.unlistedAnion: Na + K − Cl − HCO3 − 3 × citrate, mmol/L."""
    return fluid["sodium"] + fluid["potassium"] - fluid["chloride"] - fluid["bicarbonate"] - 3 * fluid["citrate"]


def mix(fluid, volume):
    """A Mix (water + species) of `volume` L (or L/h) of a fluid given in mmol/L; the bicarbonate slot
    carries HCO3 plus the unlisted anions that balance the label's charge (Mix(fluid, volumeL:))."""
    m = [volume] + [fluid[s] * volume for s in SPECIES]
    m[HCO3] = (fluid["bicarbonate"] + unlisted_anion(fluid)) * volume
    return np.array(m, dtype=float)


def base_equivalents(m):
    """Mix.baseEquivalents: HCO3 + 3 × citrate."""
    return m[HCO3] + 3 * m[CIT]


def stool_base(s):
    """StoolComposition.base: max(0, Na + K − Cl)."""
    return max(0.0, s["sodium"] + s["potassium"] - s["chloride"])


def cl_availability(cl, cl0):
    """BodyConstants.chlorideAvailability."""
    return max(cl, 0) / (max(cl, 0) + 5) * (cl0 + 5) / cl0


def electroneutral_loss(jw, s, na_rel, k_rel, hco3_rel, mg_rel, cl_available):
    """BodyConstants.electroneutralLoss."""
    m = np.zeros(9)
    m[W] = jw
    m[NA] = jw * s["sodium"] * na_rel * cl_available
    m[K] = jw * s["potassium"] * k_rel * cl_available
    cations = m[NA] + m[K]
    m[HCO3] = electroneutral_base(jw * stool_base(s) * hco3_rel, cations)
    m[CL] = cations - m[HCO3]
    m[MG] = jw * s["magnesium"] * mg_rel
    return m


def electroneutral_base(raw, cations):
    """BodyConstants.electroneutralBase: a smooth minimum of raw and the cations, never below 0."""
    return max(smin(raw, cations, 0.01 * cations + 1e-12), 0.0)


def ph_of(hco3, pco2):
    """BodyConstants.ph (Henderson–Hasselbalch)."""
    return 6.1 + math.log10(max(hco3, 0.1) / (0.0307 * max(pco2, 1)))


def pco2_of(hco3, p):
    """BodyConstants.pco2: 0.7 mmHg per mmol/L near the start, Winter's 1.5·HCO3 + 8 once lower (smooth minimum)."""
    near = p["pco2_mmHg"] + p["pco2_hco3_slope"] * (hco3 - p["plasma_hco3_mmol_L"])
    winter = p["winter_slope"] * hco3 + p["winter_intercept_mmHg"]
    return smax(smin(near, winter, 1), 10, 1)


def spos(x, w):
    """Smooth.positive: ½(x + √(x² + w²))."""
    return 0.5 * (x + math.sqrt(x * x + w * w))


def smin(a, b, w):
    return a - spos(a - b, w)


def smax(a, b, w):
    return b + spos(a - b, w)


def oncotic(c):
    """Landis–Pappenheimer, mmHg at c g/dL."""
    return c * (2.1 + c * (0.16 + 0.009 * c))


def soft_min(a, b):
    """Smooth.softMinimum: ab/(a⁴ + b⁴)^¼, 0 when either is 0."""
    x, y = max(a, 0.0), max(b, 0.0)
    d = x ** 4 + y ** 4
    return x * y / math.sqrt(math.sqrt(d)) if d > 0 else 0.0


def ramp(x, w):
    """Smooth.ramp: 0 for x ≤ 0, x²/(2w) below w, x − w/2 beyond."""
    return 0.0 if x <= 0 else (x * x / (2 * w) if x < w else x - 0.5 * w)


def logistic(x, half, width):
    """BodyConstants.logistic, evaluated without overflow for large |x − half| / width."""
    z = (x - half) / width
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


# --- Patient (Patient.swift) ---------------------------------------------------------------------
def body_fractions(patient):
    w, age, sex = patient["weight_kg"], patient["age_y"], patient["sex"]
    maturity = min(max((age - 1) / 15, 0), 1)
    adult_tbw = 0.60 if sex == "male" else 0.50
    tbw = 0.60 + (adult_tbw - 0.60) * maturity
    ecf = 0.275 + (tbw / 3 - 0.275) * maturity
    plasma = 0.05 + (ecf / 4 - 0.05) * maturity
    maint = (100 * min(w, 10) + 50 * min(max(w - 10, 0), 10) + 20 * max(w - 20, 0)) / 1000
    return tbw, ecf, plasma, maint


def brain_mass_kg(patient):
    """Patient.brainMassKg (Dekaban & Sadowsky 1978), linear between the table's ages."""
    ages, male = [0, 1, 2, 3, 6, 12, 18], [0.38, 0.95, 1.07, 1.16, 1.30, 1.37, 1.40]
    a = min(max(patient["age_y"], 0), 18)
    j = 0
    while j < len(ages) - 2 and a > ages[j + 1]:
        j += 1
    m = male[j] + (male[j + 1] - male[j]) * (a - ages[j]) / (ages[j + 1] - ages[j])
    maturity = min(max((patient["age_y"] - 1) / 15, 0), 1)
    return m - 0.1 * maturity if patient["sex"] == "female" else m


# Reference parameters for the kidney calibration (ModelParameters() defaults; BodyConstants uses them).
REF_DIET_NA_PER_100ML, REF_DIET_K_PER_100ML = 3.0, 2.0
REF_DIET_MG_KG_DAY, REF_DIET_MG_ABSORBED = 0.15, 0.35


class Constants:
    """BodyConstants.swift."""

    def __init__(self, patient, p):
        self.p = p
        w = patient["weight_kg"]
        self.w = w
        self.w075 = (w / 70) ** 0.75
        tbw, ecf, plasma, maint = body_fractions(patient)
        self.plasma0 = plasma * w
        self.ecf0 = ecf * w
        self.isf0 = self.ecf0 - self.plasma0
        self.cell0 = (tbw - ecf) * w
        phi = p["osmotic_coefficient"]
        self.tonicity0 = phi * 2 * (p["plasma_na_mmol_L"] + p["plasma_k_mmol_L"]) + p["plasma_glucose_mmol_L"]
        self.cellK0 = self.tonicity0 / (2 * phi) - p["cell_na_mmol_L"]
        self.kf = p["capillary_filtration_L_h_mmHg_kg"] * w
        self.vcomp = p["vascular_compliance_L_mmHg_kg"] * w
        self.icomp = p["interstitial_compliance_L_mmHg_kg"] * w
        self.onc_p0 = oncotic(p["plasma_protein_g_dL"])
        self.onc_i0 = oncotic(p["interstitial_protein_g_dL"])
        self.cell_perm = p["cell_water_permeability_L_h_mOsm_kg"] * w
        self.k_leak = self.cell0 / p["k_exchange_time_h"]
        self.pump_max = self.k_leak * self.cellK0 / (p["plasma_k_mmol_L"] / (p["pump_km_k_mmol_L"] + p["plasma_k_mmol_L"]))
        self.mg_pool0 = p["mg_pool_mmol_kg"] * w
        self.mg_exchange = p["mg_exchange_L_h_kg"] * w
        self.gastric_rate = math.log(2) / (p["gastric_half_time_min"] / 60)
        self.contact_volume = 0.0007 * w
        self.lumen_eps = 1e-5 * w
        self.colon_capacity = p["colon_capacity_L_day_kg"] * w / 24
        self.basal_stool_water = p["basal_stool_water_L_day_kg"] * w / 24
        self.basal_stool_na = p["basal_stool_na_mmol_day_kg"] * w / 24
        self.basal_stool_k = p["basal_stool_k_mmol_day_kg"] * w / 24
        self.gfr0 = p["gfr_mL_min"] * self.w075 * 60 / 1000
        self.gfr_logistic1 = logistic(1, p["gfr_half_volume"], p["gfr_volume_width"])
        self.diet_water = maint / 24
        self.diet_na = maint * 10 * p["diet_na_mmol_per_100mL"] / 24
        self.diet_k = maint * 10 * p["diet_k_mmol_per_100mL"] / 24
        self.diet_cl = self.diet_na + self.diet_k
        self.diet_mg = p["diet_mg_mmol_kg_day"] * w * p["diet_mg_absorbed"] / 24
        self.insensible0 = p["insensible_coefficient"] * w ** 0.2415 / 1000 / 24
        self.metabolic_water0 = p["metabolic_water_L_day"] * self.w075 / 24
        ref_na = maint * 10 * REF_DIET_NA_PER_100ML / 24
        ref_k = maint * 10 * REF_DIET_K_PER_100ML / 24
        ref_mg = REF_DIET_MG_KG_DAY * w * REF_DIET_MG_ABSORBED / 24
        self.urine_hco3_0 = self.gfr0 * spos(p["plasma_hco3_mmol_L"] - p["bicarbonate_threshold_mmol_L"], 0.5)
        self.urine_na0 = ref_na - self.basal_stool_na - self.urine_hco3_0
        self.ammonium0 = electroneutral_base((self.basal_stool_na + self.basal_stool_k) * (1 - p["basal_stool_cl_fraction"]),
                                             self.basal_stool_na + self.basal_stool_k) + self.urine_hco3_0
        self.buffer_capacity = max(p["base_buffer_factor"] - 1, 0) * self.ecf0
        self.ph0 = ph_of(p["plasma_hco3_mmol_L"], pco2_of(p["plasma_hco3_mmol_L"], p))
        self.urine_k0 = ref_k - self.basal_stool_k
        self.urine_mg0 = ref_mg
        self.fe_na0 = self.urine_na0 / (self.gfr0 * p["plasma_na_mmol_L"])
        self.fe_mg0 = self.urine_mg0 / (self.gfr0 * 0.7 * p["plasma_mg_mmol_L"])
        self.k_floor = min(p["k_floor_mmol_day"] * self.w075 / 24, 0.9 * self.urine_k0)
        self.urea0 = p["urea_excretion_mOsm_day"] * self.w075 / 24
        self.renal_base_gain = p["renal_base_gain_mmol_h_per_mmol_L_kg"] * w
        self.glucose_turnover = p["glucose_turnover_mmol_h_kg"] * w
        posm0 = self.tonicity0 + p["plasma_urea_mmol_L"]
        self.avp0 = smin(avp_osmotic(posm0, p), p["adh_max_pmol_L"], 1)
        urine_flow0 = self.diet_water + self.metabolic_water0 - self.insensible0 - self.basal_stool_water
        osm_exc0 = phi * 2 * (self.urine_na0 + self.urine_hco3_0 + self.urine_k0 + self.ammonium0) \
            + self.urea0 + self.urine_mg0
        uosm0 = osm_exc0 / max(urine_flow0, 1e-9)
        r = min(max((uosm0 - p["urine_osm_min_mOsm_kg"]) / (p["urine_osm_max_mOsm_kg"] - p["urine_osm_min_mOsm_kg"]), 0.01), 0.99)
        self.avp_half = self.avp0 * math.sqrt(1 / r - 1)
        self.glucose_splay0 = spos(p["plasma_glucose_mmol_L"] - p["glucose_threshold_mmol_L"], 1)
        self.adrenaline_pos0 = spos(-p["adrenaline_volume_threshold"], 0.02)
        self.lactate_pos0 = spos(p["lactate_hypoperfusion_threshold"] - 1, 0.02)
        self.lactate_production0 = p["lactate_production_mmol_h_kg"] * w
        self.lactate_clearance0 = self.lactate_production0 / (p["plasma_lactate_mmol_L"] * self.ecf0)
        self.lactate_perfusion1 = smin(1, 1, 0.02)
        self.albumin_anion0 = p["plasma_albumin_g_dL"] * p["albumin_anion_mEq_per_g_dL"]
        self.usual_carb = maint * 1000 * p["carbohydrate_energy_fraction"] / 4 / 0.180 / 24
        self.glycogen_store = p["liver_glycogen_g_kg"] * w / 0.180
        self.glucose_need = p["brain_glucose_umol_g_min"] * brain_mass_kg(patient) * 60 + p["other_glucose_use_mmol_h_kg"] * w
        self.glycogen_draw0 = (1 - p["gluconeogenesis_share"]) * spos(self.glucose_need - self.usual_carb, 0.01 * self.glucose_need)
        self.ketone_production0 = ketone_oxidation(p["plasma_ketone_mmol_L"], self.ecf0, p)
        self.circ = Circulation(patient, self.plasma0, p)  # circulation (issue 12)
        self.volume_avp0 = math.exp(spos(p["adh_volume_threshold"] - 1, 0.01) / p["adh_volume_scale"])
        self.thirst0 = p["thirst_gain_per_mOsm"] * spos(posm0 - p["thirst_threshold_mOsm_kg"], 1) \
            + p["thirst_volume_gain"] * spos(0, 0.01)


def ketone_oxidation(conc, ecf0, p):
    """BodyConstants.ketoneOxidation, mmol/h: a tissue capacity (scaled by the healthy ECF)."""
    x = max(conc, 0)
    return p["ketone_clearance_per_h"] * ecf0 * x / (1 + x / p["ketone_clearance_km_mmol_L"])


def glycogen_supply(g, p):
    """BodyConstants.glycogenSupply: g(1 + K)/(g + K)."""
    x, kh = max(g, 0), p["glycogen_half_fraction"]
    return x * (1 + kh) / (x + kh)


# --- Circulation (Circulation.swift; issue 12) ------------------------------------------------------
class Circulation:
    """CirculationConstants: blood volume, the baroreflex, venous return and the heart, pulse and pressure (MODEL.md §7c)."""
    WIDTH = 0.05

    def __init__(self, patient, plasma0, p):
        age = patient["age_y"]
        m = min(max((age - 1) / 15, 0), 1)
        self.hct0 = p["haematocrit_infant"] + (p["haematocrit_adult"] - p["haematocrit_infant"]) * m
        self.rbc = plasma0 * self.hct0 / (1 - self.hct0)
        self.bv0 = plasma0 + self.rbc
        self.ref = (p["reference_blood_volume_infant_mL_kg"]
                    + (p["reference_blood_volume_adult_mL_kg"] - p["reference_blood_volume_infant_mL_kg"]) * m) * patient["weight_kg"] / 1000
        self.hr0 = p["heart_rate_infant_bpm"] + (p["heart_rate_adult_bpm"] - p["heart_rate_infant_bpm"]) * m
        sbp = p["systolic_infant_mmHg"] + (p["systolic_adult_mmHg"] - p["systolic_infant_mmHg"]) * m
        dbp = p["diastolic_infant_mmHg"] + (p["diastolic_adult_mmHg"] - p["diastolic_infant_mmHg"]) * m
        self.pp0 = sbp - dbp
        self.map0 = dbp + self.pp0 / 3
        self.shift = p["standing_shift_fraction"] * self.ref
        self.tachy = 160 if age < 1 else (150 if age < 2 else (140 if age < 5 else (120 if age < 12 else 100)))
        self.hypo = 70 if age < 1 else (70 + 2 * age if age < 10 else 90)
        self.fu, self.av = p["unstressed_volume_fraction"], p["venoconstriction_gain"]
        self.ah, self.ar = p["heart_rate_reflex_gain"], p["resistance_reflex_gain"]
        self.g, self.kap, self.rho = p["baroreflex_gain"], p["frank_starling_half"], p["right_atrial_filling_ratio"]
        self.r1 = spos(1, self.WIDTH)
        self.out1 = 1.0
        self.out1 = self.loop(1.0, 0.0)[0]
        self.lim, self.stop = p["gfr_autoregulation_limit"], p["gfr_filtration_stop"]
        self.auto0 = self.auto_raw(1)
        self.kv = p["viscosity_haematocrit_gain"]

    def loop(self, x, s):
        """(cardiac output, h): venous return ∝ P − ρp meets the heart's h·p(1 + κ)/(p + κ); the root p of
        ρp² + Bp − Pκ = 0 by the textbook formula (−B + √(B² + 4ρPκ))/(2ρ) (osmo writes it 2Pκ/(B + √…))."""
        fu, k, rho = self.fu, self.kap, self.rho
        fill = spos((x - fu * (1 - self.av * s)) / (1 - fu), self.WIDTH) / self.r1
        h = math.exp(self.ah * s)
        b = h * (1 + k) * (1 - rho) - fill + rho * k
        pr = (-b + math.sqrt(b * b + 4 * rho * fill * k)) / (2 * rho)
        return (fill - rho * pr) / self.out1, h

    def auto_raw(self, rel):
        u = (rel - self.stop) / (self.lim - self.stop)
        return smin(spos(u, 0.05), 1, 0.1)

    def autoregulation(self, map_mmHg):
        return self.auto_raw(map_mmHg / self.map0) / self.auto0

    def state(self, vp, shift=0.0):
        bv = max(vp, 0) + self.rbc
        hct = self.rbc / max(bv, 1e-9)
        x = 1 - (self.bv0 - bv + shift) / self.ref
        g = self.g
        # The loop's root by Brent's method on F(s) = s − tanh(g(1 − MAP(s)/MAP0)), F(−1) < 0 < F(1) (an
        # independent root finder from osmo's safeguarded Newton).
        def residual(s):
            co, _ = self.loop(x, s)
            return s - math.tanh(g * (1 - co * math.exp(self.ar * s)))
        s = 0.0 if residual(0.0) == 0 else brentq(residual, -1.0, 1.0, xtol=1e-15, rtol=1e-15, maxiter=200)
        co, h = self.loop(x, s)
        sv = co / h
        mp = self.map0 * co * math.exp(self.ar * s)
        pp = self.pp0 * sv
        co_flow = co / math.exp(min(self.kv * (hct - self.hct0), 30))  # viscosity: flow ∝ 1/η, pressure unchanged
        return dict(bv=bv, hct=hct, s=s, hr=self.hr0 * h, map=mp, sbp=mp + 2 * pp / 3, dbp=mp - pp / 3, co=co_flow)
# --- end circulation -------------------------------------------------------------------------------


def avp_osmotic(posm, p):
    return smax(p["adh_basal_pmol_L"], p["adh_gain_pmol_L_per_mOsm"] * (posm - p["adh_threshold_mOsm_kg"]), 0.2)


# --- Illness (IllnessDriver.swift) ---------------------------------------------------------------
class Illness:
    def __init__(self, problem, tonicity0, phi):
        ill, mech = problem["illness"], problem["mechanisms"]
        self.active = ill["kind"] == "pathogen" and mech["illness"]
        self.nhe_inhibition = 0.0
        self.absorption_injury = 0.0
        self.potency = 0.0
        self.mucosal = 0.0
        self.invasion = 0.0
        if self.active:
            self.peak, self.shape, self.onset, self.severity = ill["peak_time_h"], ill["shape"], ill["onset_h"], ill["severity"]
            self.secretion_peak = ill["peak_secretion_mL_kg_h"] * problem["patient"]["weight_kg"] / 1000
            s = ill["stool"]
            self.stool = s
            measured = phi * (s["sodium"] + s["potassium"] + min(s["chloride"], s["sodium"] + s["potassium"]) + stool_base(s)) \
                + s["magnesium"]
            self.unmeasured = max(0.0, tonicity0 - measured)
            self.nhe_inhibition = ill["nhe_inhibition"]
            self.absorption_injury = ill.get("absorption_injury", 0.0)
            self.potency = ill["inflammatory_potency"]
            self.mucosal = ill.get("mucosal_inflammation", 0.0)
            self.invasion = ill.get("mucosal_invasion", 0.0)

    def load(self, t):
        if not self.active:
            return 0.0
        s = t - self.onset
        if s <= 0:
            return 0.0
        x = s / self.peak
        return self.severity * math.exp(self.shape * (math.log(x) + 1 - x))


# --- Inflammation (InflammationModel+Derivatives.swift, InflammationTrack.swift) -------------------
LN2 = 0.6931471805599453
NI = 21
LPS, SIGNAL, ACT, TOL, RES, TNF_F, TNF_S, IL1B, IL6, IL10, PGE2, TEMP, PAIN = range(13)
# issue 12: mucosa, injury, hepatic signal, CRP, paracetamol (gut, plasma), ibuprofen (gut, plasma)
MUC, INJ, HEP, CRP, PARA_G, PARA_C, IBU_G, IBU_C = range(13, 21)
DRUG_GUT = {"paracetamol": PARA_G, "ibuprofen": IBU_G}


class Inflammation:
    def __init__(self, q):
        self.q = q
        kf = LN2 / (q["tnf_fast_half_life_min"] / 60)
        ks = LN2 / (q["tnf_slow_half_life_min"] / 60)
        f = q["tnf_fast_fraction"]
        a, b = f / kf, (1 - f) / ks
        self.pool_fast = q["tnf_baseline_pg_mL"] * a / (a + b)
        self.pool_slow = q["tnf_baseline_pg_mL"] - self.pool_fast

    def initial(self):
        q = self.q
        y = np.zeros(NI)
        y[TNF_F], y[TNF_S] = self.pool_fast, self.pool_slow
        y[IL1B], y[IL6], y[IL10] = q["il1b_baseline_pg_mL"], q["il6_baseline_pg_mL"], q["il10_baseline_pg_mL"]
        y[TEMP] = q["baseline_temperature_C"]
        y[CRP] = q["crp_baseline_mg_L"]
        return y

    def cox(self, y):
        """Issue 12: COX inhibition by both drugs, 1 − (1 − E_p)(1 − E_i); and ibuprofen's peripheral share."""
        q = self.q
        a, b = max(y[PARA_C], 0), max(y[IBU_C], 0)
        ep = q["paracetamol_max_inhibition"] * a / (a + q["paracetamol_ec50_mg_L"])
        ei = q["ibuprofen_max_inhibition"] * b / (b + q["ibuprofen_ec50_mg_L"])
        return 1 - (1 - ep) * (1 - ei), ei

    def rhs(self, t, y, load, potency, mucosal=0.0, invasion=0.0):
        q = self.q
        d = np.zeros(NI)
        u = max(y[LPS], 0) / q["lps_reference_ng_kg"] + q["pathogen_stimulus_gain"] * max(potency, 0) * max(load, 0)
        drive = u / (1 + u / q["stimulus_saturation"])
        tol_factor = 1 / (1 + max(y[TOL], 0) / q["tolerance_half_effect"])
        a = max(y[ACT], 0)
        tnf = y[TNF_F] + y[TNF_S]
        dtnf = max(tnf - q["tnf_baseline_pg_mL"], 0)
        dil1b = max(y[IL1B] - q["il1b_baseline_pg_mL"], 0)
        dil6 = max(y[IL6] - q["il6_baseline_pg_mL"], 0)
        dil10 = max(y[IL10] - q["il10_baseline_pg_mL"], 0)
        inh_tnf = 1 / (1 + (dil10 / q["il10_inhibition_tnf_pg_mL"]) ** q["il10_inhibition_hill"])
        inh_il6 = 1 / (1 + (dil10 / q["il10_inhibition_il6_pg_mL"]) ** q["il10_inhibition_hill"])
        kfast = LN2 / (q["tnf_fast_half_life_min"] / 60)
        kslow = LN2 / (q["tnf_slow_half_life_min"] / 60)
        muc = max(y[MUC], 0)
        cox, cox_peripheral = self.cox(y)
        tnf_prod = q["tnf_production_pg_mL_h"] * a * inh_tnf * (1 + q["ibuprofen_tnf_disinhibition"] * cox_peripheral)
        il1b_prod = q["il1b_production_pg_mL_h"] * a * inh_tnf
        il6_prod = q["il6_production_pg_mL_h"] * (a + q["il6_tnf_weight"] * dtnf / (dtnf + q["il6_tnf_half_sat_pg_mL"])) * inh_il6
        il10_prod = q["il10_production_pg_mL_h"] * a + q["il10_tnf_production_pg_mL_h"] * dtnf / (dtnf + q["il10_tnf_half_sat_pg_mL"]) \
            + q["il10_resolution_production_pg_mL_h"] * max(y[RES], 0)
        pyro = q["fever_il6_weight"] * dil6 / (dil6 + q["fever_il6_half_sat_pg_mL"]) \
            + q["fever_il1b_weight"] * dil1b / (dil1b + q["fever_il1b_half_sat_pg_mL"]) \
            + q["fever_tnf_weight"] * dtnf / (dtnf + q["fever_tnf_half_sat_pg_mL"]) \
            + q["mucosal_fever_weight"] * muc / (muc + q["mucosal_fever_half_sat"])
        set_point = q["baseline_temperature_C"] + q["set_point_max_rise_C"] * y[PGE2]
        alg = q["myalgia_tnf_weight"] * dtnf / q["myalgia_tnf_scale_pg_mL"] + q["myalgia_il1b_weight"] * dil1b / q["myalgia_il1b_scale_pg_mL"] \
            + q["myalgia_il6_weight"] * dil6 / q["myalgia_il6_scale_pg_mL"] \
            + q["myalgia_mucosal_weight"] * muc / q["myalgia_mucosal_scale"]
        algn = (alg * (1 - cox)) ** q["myalgia_hill"]
        pain_target = algn / (algn + 1)
        d[LPS] = -LN2 / q["lps_half_life_h"] * y[LPS]
        d[SIGNAL] = LN2 / q["signal_half_life_h"] * (drive - y[SIGNAL])
        d[ACT] = q["activation_rate_per_h"] * max(y[SIGNAL], 0) * tol_factor - LN2 / q["activation_half_life_h"] * y[ACT]
        d[TOL] = q["tolerance_rate_per_h"] * a - LN2 / q["tolerance_half_life_h"] * y[TOL]
        d[RES] = q["resolution_rate_per_h"] * (a + q["resolution_mucosal_weight"] * max(y[MUC], 0)) \
            - LN2 / q["resolution_half_life_h"] * y[RES]
        d[TNF_F] = q["tnf_fast_fraction"] * tnf_prod - kfast * (y[TNF_F] - self.pool_fast)
        d[TNF_S] = (1 - q["tnf_fast_fraction"]) * tnf_prod - kslow * (y[TNF_S] - self.pool_slow)
        d[IL1B] = il1b_prod - LN2 / (q["il1b_half_life_min"] / 60) * (y[IL1B] - q["il1b_baseline_pg_mL"])
        d[IL6] = il6_prod - LN2 / q["il6_half_life_h"] * (y[IL6] - q["il6_baseline_pg_mL"])
        d[IL10] = il10_prod - LN2 / q["il10_half_life_h"] * (y[IL10] - q["il10_baseline_pg_mL"])
        d[PGE2] = LN2 / q["pge2_half_life_h"] * (pyro * (1 - cox) - y[PGE2])
        d[TEMP] = (set_point - y[TEMP]) / q["temperature_time_constant_h"]
        d[PAIN] = LN2 / q["myalgia_half_life_h"] * (pain_target - y[PAIN])
        # issue 12: mucosa → injury; hepatic IL-6 (systemic + portal) → CRP; oral one-compartment PK
        d[MUC] = LN2 / q["mucosal_half_life_h"] * (max(mucosal, 0) * max(load, 0) - y[MUC])
        d[INJ] = q["injury_rate_per_h"] * min(max(invasion, 0), 1) * max(muc - q["injury_threshold"], 0) * (1 - y[INJ]) \
            - LN2 / q["injury_heal_half_life_h"] * y[INJ]
        hep = dil6 + q["portal_il6_per_mucosa_pg_mL"] * muc
        hn = (hep / q["crp_il6_half_sat_pg_mL"]) ** q["crp_hill"]
        d[HEP] = LN2 / q["hepatic_signal_half_life_h"] * (hn / (hn + 1) - y[HEP])
        d[CRP] = q["crp_synthesis_mg_L_h"] * max(y[HEP], 0) - LN2 / q["crp_half_life_h"] * (y[CRP] - q["crp_baseline_mg_L"])
        d[PARA_G] = -q["paracetamol_absorption_per_h"] * y[PARA_G]
        d[PARA_C] = q["paracetamol_bioavailability"] * q["paracetamol_absorption_per_h"] * y[PARA_G] / q["paracetamol_volume_L_kg"] \
            - LN2 / q["paracetamol_half_life_h"] * y[PARA_C]
        d[IBU_G] = -q["ibuprofen_absorption_per_h"] * y[IBU_G]
        d[IBU_C] = q["ibuprofen_bioavailability"] * q["ibuprofen_absorption_per_h"] * y[IBU_G] / q["ibuprofen_volume_L_kg"] \
            - LN2 / q["ibuprofen_half_life_h"] * y[IBU_C]
        return d

    def stool_blood(self, y):
        return min(max(y[INJ], 0), 1)

    def abdominal_pain(self, y):
        x = (max(y[MUC], 0) + max(y[INJ], 0)) / self.q["abdominal_pain_half_score"]
        return min(max(10 * x * x / (x * x + 1), 0), 10)

    def myalgia(self, y):
        return min(max(self.q["myalgia_max_score"] * y[PAIN], 0), 10)


class Track:
    """InflammationTrack: the inflammation course solved first on a 1/40 h grid (values and slopes),
    read by cubic Hermite interpolation. One-way coupling: only temperature reaches the fluid model."""
    GRID = 1.0 / 40

    def __init__(self, infl, illness, boluses, end, active, method, rtol, atol, doses=()):
        self.infl = infl
        self.baseline = infl.initial()
        self.segments = []
        stimulated = active and ((illness.active and (illness.potency > 0 or illness.mucosal > 0)) or boluses or doses)
        if not stimulated or end <= 0:
            return
        load = illness.load if active else (lambda t: 0.0)
        potency = illness.potency if active else 0.0
        mucosal = illness.mucosal if active else 0.0
        invasion = illness.invasion if active else 0.0
        f = lambda t, y: infl.rhs(t, y, load(t), potency, mucosal, invasion)
        cuts = sorted({b[0] for b in list(boluses) + list(doses) if 0 < b[0] < end})
        bounds = [0.0] + cuts + [end]
        y = self.baseline.copy()
        for a, b in zip(bounds[:-1], bounds[1:]):
            for (bt, dose) in boluses:
                if bt == a:
                    y[LPS] += max(dose, 0)
            for (dt_, drug, mg_kg) in doses:
                if dt_ == a:
                    y[DRUG_GUT[drug]] += max(mg_kg, 0)
            steps = max(1, math.ceil((b - a) / self.GRID))
            h = (b - a) / steps
            times = np.array([b if i == steps else a + i * h for i in range(steps + 1)])
            sol = solve_ivp(f, (a, b), y, method=method, t_eval=times, rtol=rtol, atol=atol)
            vals = sol.y.T
            slopes = np.array([f(t, v) for t, v in zip(times, vals)])
            self.segments.append((a, h, len(times), vals, slopes))
            y = vals[-1].copy()

    def state(self, t):
        if not self.segments:
            return self.baseline
        k = 0
        while k + 1 < len(self.segments) and t >= self.segments[k + 1][0]:
            k += 1
        start, h, count, vals, slopes = self.segments[k]
        u = min(max((t - start) / h, 0), count - 1)
        j = min(int(u), count - 2)
        s = u - j
        s2, s3 = s * s, s * s * s
        return (2 * s3 - 3 * s2 + 1) * vals[j] + (s3 - 2 * s2 + s) * h * slopes[j] + (-2 * s3 + 3 * s2) * vals[j + 1] \
            + (s3 - s2) * h * slopes[j + 1]


# --- Cramp score (CrampScore.swift) --------------------------------------------------------------
def deficit(table, x):
    if not math.isfinite(x):
        return 0.0
    if x >= table[0][0]:
        return table[0][1]
    for i in range(1, len(table)):
        if x >= table[i][0]:
            (x0, s0), (x1, s1) = table[i - 1], table[i]
            return s0 + (s1 - s0) * (x0 - x) / (x0 - x1)
    return table[-1][1]


CRAMP_K = [(3.5, 0), (3.0, 2), (2.5, 5), (2.0, 8.5), (1.5, 10)]
CRAMP_MG = [(0.70, 0), (0.60, 1.5), (0.50, 3.5), (0.40, 5.5), (0.30, 7)]
CRAMP_NA = [(135, 0), (130, 1), (125, 2.5), (120, 4), (115, 5)]
CRAMP_V = [(0.95, 0), (0.90, 1), (0.80, 2.5), (0.70, 4)]


def cramp_score(k, mg, na, v):
    return min(max(deficit(CRAMP_K, k) + deficit(CRAMP_MG, mg) + deficit(CRAMP_NA, na) + deficit(CRAMP_V, v), 0), 10)


# --- The fluid model (FluidModel.swift, Fluxes.swift) ---------------------------------------------
class Inputs:
    def __init__(self):
        self.iv = np.zeros(9)
        self.oral = np.zeros(9)
        self.per_stool = np.zeros(9)
        self.ad_lib = None
        self.prescribed_rate = 0.0
        self.prescribed = None

    def key(self):
        return (tuple(self.iv), tuple(self.oral), tuple(self.per_stool), None if self.ad_lib is None else tuple(self.ad_lib),
                self.prescribed_rate, None if self.prescribed is None else tuple(sorted(self.prescribed.items())))


class Model:
    def __init__(self, problem, method="LSODA", rtol=1e-10, atol=1e-12):
        self.problem = problem
        self.p = problem["parameters"]
        self.mech = problem["mechanisms"]
        self.c = Constants(problem["patient"], self.p)
        self.illness = Illness(problem, self.c.tonicity0, self.p["osmotic_coefficient"])
        ill = problem["illness"]
        boluses = [(ill["time_h"], ill["ng_kg"])] if ill["kind"] == "endotoxin" and self.mech["illness"] else []
        self.infl = Inflammation(problem["inflammation_parameters"])
        w = problem["patient"]["weight_kg"]
        doses = [(t, m["medicine"], m["dose_mg"] / w) for m in problem.get("medicines", []) for t in m["times_h"]]
        self.track = Track(self.infl, self.illness, boluses, problem["duration_h"], self.mech["inflammation"],
                           method, min(rtol, 1e-8), min(atol, 1e-9), doses)
        self.inputs = Inputs()

    def initial_state(self):
        c, p = self.c, self.p
        y = np.zeros(N)
        y[PV], y[ISF], y[CELLV] = c.plasma0, c.isf0, c.cell0
        y[ECF_NA] = p["plasma_na_mmol_L"] * c.ecf0
        y[ECF_K] = p["plasma_k_mmol_L"] * c.ecf0
        y[ECF_CL] = p["plasma_cl_mmol_L"] * c.ecf0
        y[ECF_BASE] = p["plasma_hco3_mmol_L"] * c.ecf0
        y[ECF_LAC] = p["plasma_lactate_mmol_L"] * c.ecf0
        y[ECF_KET] = p["plasma_ketone_mmol_L"] * c.ecf0
        y[GLYCOGEN] = 1.0
        y[ECF_MG] = p["plasma_mg_mmol_L"] * c.ecf0
        y[ECF_GLU] = p["plasma_glucose_mmol_L"] * c.ecf0
        y[CELL_NA] = p["cell_na_mmol_L"] * c.cell0
        y[CELL_K] = c.cellK0 * c.cell0
        y[MG_POOL] = c.mg_pool0
        y[AVP] = c.avp0
        y[ALDO] = 1
        return y

    def temperature(self, t):
        return self.track.state(t)[TEMP] if self.mech["inflammation"] else 37.0

    def fluxes(self, t, y):
        c, p, m = self.c, self.p, self.mech
        f = {}
        tiny = 1e-9
        vp, vi, vc = max(y[PV], tiny), max(y[ISF], tiny), max(y[CELLV], tiny)
        ve = vp + vi
        na, k = y[ECF_NA] / ve, y[ECF_K] / ve
        # Gibbs–Donnan: plasma albumin and interstitial fixed anions stay put; the diffusible anions share the rest.
        fixed_plasma, fixed_mean = c.albumin_anion0 * c.plasma0 / vp, c.albumin_anion0 * c.ecf0 / ve
        donnan = max(na + k - fixed_plasma, 1) / max(na + k - fixed_mean, 1)
        cl, hco3 = y[ECF_CL] / ve * donnan, y[ECF_BASE] / ve * donnan
        mg, glu = y[ECF_MG] / ve, y[ECF_GLU] / ve
        na_cell, k_cell = y[CELL_NA] / vc, y[CELL_K] / vc
        phi = p["osmotic_coefficient"]
        f.update(na=na, k=k, cl=cl, hco3=hco3, mg=mg, glu=glu)
        tonicity = phi * 2 * (na + k) + glu
        f["tonicity"] = tonicity
        f["posm"] = tonicity + p["plasma_urea_mmol_L"]
        cell_tonicity = phi * 2 * (na_cell + k_cell)
        plasma_frac, ecf_frac = vp / c.plasma0, ve / c.ecf0
        e2 = ecf_frac * ecf_frac
        secretion_supply = e2 / (e2 + 0.0225) * 1.0225
        p2 = plasma_frac * plasma_frac
        plasma_supply = p2 / (p2 + 0.0225) * 1.0225
        load = self.illness.load(t) if m["illness"] else 0.0
        f["load"] = load
        temp = self.temperature(t)
        f["temperature"] = temp

        # Acid–base: pCO2 (Winter), pH (Henderson–Hasselbalch); lactate; cell and bone buffers.
        hco3_0 = p["plasma_hco3_mmol_L"]
        f["pco2"] = pco2_of(hco3, p)
        f["ph"] = ph_of(hco3, f["pco2"])
        f["lactate"] = y[ECF_LAC] / ve * donnan
        f["ketone"] = y[ECF_KET] / ve * donnan
        # Circulation (issue 12): supine pulse and pressure; oxygen delivery = cardiac output × haematocrit
        circ = c.circ.state(vp)
        f["circulation"] = circ
        delivery = circ["co"] * circ["hct"] / c.circ.hct0
        hypoxia = p["lactate_hypoperfusion_gain"] * (spos(p["lactate_hypoperfusion_threshold"] - delivery, 0.02) - c.lactate_pos0)
        extra_max = p["lactate_max_production_factor"] - 1
        lactate_production = c.lactate_production0 * (1 + hypoxia / (1 + hypoxia / extra_max))
        lactate_clearance = c.lactate_clearance0 * max(y[ECF_LAC], 0) * smin(circ["co"], 1, 0.02) / c.lactate_perfusion1
        mineral_hco3 = hco3 + (f["lactate"] - p["plasma_lactate_mmol_L"]) + (f["ketone"] - p["plasma_ketone_mmol_L"])
        mineral_ph = ph_of(mineral_hco3, pco2_of(mineral_hco3, p))
        buffer_drive = (c.buffer_capacity * (hco3_0 - hco3) - y[BUFFER_H]) / p["buffer_time_h"]
        na0 = p["plasma_na_mmol_L"]
        na_available = max(na, 0) / (max(na, 0) + 5) * (na0 + 5) / na0
        give_back = logistic(-buffer_drive, 0, 0.01 * c.w)
        buffer_flux = buffer_drive * (1 - give_back * (1 - min(na_available, 1)))

        # Cells: osmotic water, Na/K pump (insulin, β2) and leak (mineral acidaemia)
        cell_water = c.cell_perm * (cell_tonicity - tonicity)
        g_rel = max(glu, 0) / p["plasma_glucose_mmol_L"]
        insulin_rel = g_rel ** p["insulin_glucose_exponent"]
        insulin_rise = spos(insulin_rel - 1, 0.05) - spos(0, 0.05)
        insulin_effect = p["insulin_pump_gain"] * insulin_rise / (insulin_rise + p["insulin_half_effect"])
        plasma_loss = spos(1 - plasma_frac - p["adrenaline_volume_threshold"], 0.02) - c.adrenaline_pos0
        adrenaline_rise = p["adrenaline_volume_gain_ng_mL"] * plasma_loss
        adrenaline = p["adrenaline_basal_ng_mL"] + adrenaline_rise
        beta2_effect = p["beta2_pump_gain"] * adrenaline_rise / (adrenaline_rise + p["beta2_half_effect_ng_mL"])
        pump_k = c.pump_max * k / (p["pump_km_k_mmol_L"] + k) * (1 + insulin_effect + beta2_effect)
        leak_k = c.k_leak * k_cell * math.exp(min(p["acidosis_k_leak_gain_per_pH"] * (c.ph0 - mineral_ph), 5))

        prot_p = p["plasma_protein_g_dL"] * c.plasma0 / vp
        prot_i = p["interstitial_protein_g_dL"] * c.isf0 / vi
        dP = (vp - c.plasma0) / c.vcomp - (vi - c.isf0) / c.icomp
        dPi = (oncotic(prot_p) - c.onc_p0) - (oncotic(prot_i) - c.onc_i0)
        starling = c.kf * (dP - p["protein_reflection"] * dPi)
        mg_exchange = c.mg_exchange * (p["plasma_mg_mmol_L"] * y[MG_POOL] / c.mg_pool0 - mg)
        g = glu / p["plasma_glucose_mmol_L"]
        glucose_production = c.glucose_turnover * 2 / (1 + g ** 4)
        glucose_uptake = c.glucose_turnover * g
        intake = p["maintenance_intake_fraction"] if m["maintenance_intake"] else 0.0
        diet_water, diet_na, diet_k = c.diet_water * intake, c.diet_na * intake, c.diet_k * intake
        diet_cl, diet_mg = c.diet_cl * intake, c.diet_mg * intake
        fever = max(0.0, temp - 37)
        insensible = c.insensible0 * (1 + p["insensible_fever_gain_per_C"] * fever) * plasma_supply if m["insensible_loss"] else 0.0
        metabolic_water = c.metabolic_water0 * (1 + 0.12 * fever)
        k_out = leak_k - pump_k
        cna0 = p["cell_na_mmol_L"]
        outward = logistic(k_out, 0, 0.01 * c.w)
        na_source = outward * na_available + (1 - outward) * max(na_cell, 0) / (max(na_cell, 0) + 1) * (cna0 + 1) / cna0
        na_share = p["cell_k_na_exchange"] * min(na_source, 1)
        cell_na_in = na_share * k_out
        cell_h_in = (1 - na_share) * k_out

        # Kidney
        renal = m["renal_regulation"]
        avp = y[AVP] if renal else c.avp0
        aldo = max(y[ALDO], 1e-6) if renal else 1.0
        gfr_factor = logistic(plasma_frac, p["gfr_half_volume"], p["gfr_volume_width"]) / c.gfr_logistic1 \
            * c.circ.autoregulation(circ["map"]) if renal else 1.0  # × renal autoregulation (issue 12)
        gfr = c.gfr0 * gfr_factor
        vn = ecf_frac ** p["natriuresis_volume_exponent"] * aldo ** (-p["aldosterone_na_exponent"]) if renal else 1.0
        cl0 = p["plasma_cl_mmol_L"]
        cl_available = cl_availability(cl, cl0)
        na_filtered = gfr * na * c.fe_na0 * vn * cl_available
        urine_hco3 = gfr * spos(hco3 - p["bicarbonate_threshold_mmol_L"], 0.5)
        urine_na = na_filtered + urine_hco3
        k_rel = max(k, 0) / p["plasma_k_mmol_L"]
        urine_k = (c.k_floor + (c.urine_k0 - c.k_floor) * k_rel ** p["k_excretion_exponent"] * aldo) * gfr_factor * cl_available
        extra = y[NH4_EXTRA] if renal else 0.0
        urine_nh4 = max(c.ammonium0 * gfr_factor + extra, 0) * cl_available
        ammonium_target = c.renal_base_gain * gfr_factor * (spos(hco3_0 - hco3, 0.5) - spos(0, 0.5))
        urine_cl = na_filtered + urine_k + urine_nh4
        mg_rel = max(mg, 0) / p["plasma_mg_mmol_L"]
        urine_mg = gfr * 0.7 * mg * c.fe_mg0 * mg_rel ** p["mg_excretion_exponent"]
        urine_glu = gfr * spos(glu - p["glucose_threshold_mmol_L"], 1) - gfr * c.glucose_splay0
        a2 = avp * avp
        uosm = p["urine_osm_min_mOsm_kg"] + (p["urine_osm_max_mOsm_kg"] - p["urine_osm_min_mOsm_kg"]) * a2 / (a2 + c.avp_half ** 2)
        osm_exc = phi * 2 * (urine_na + urine_k + urine_nh4) + c.urea0 * gfr_factor + urine_glu + urine_mg
        urine_water = min(osm_exc / uosm, 0.25 * gfr)
        renal_base = urine_nh4 - urine_hco3
        volume_avp = math.exp(min(spos(p["adh_volume_threshold"] - plasma_frac, 0.01) / p["adh_volume_scale"], 30)) - c.volume_avp0
        avp_target = smin(avp_osmotic(f["posm"], p) + volume_avp, p["adh_max_pmol_L"], 1)
        drive = math.exp(min(-p["aldosterone_volume_gain"] * (ecf_frac - 1), 30)) * k_rel ** p["aldosterone_k_exponent"]
        amax = p["aldosterone_max"]
        aldo_target = amax * drive / (amax - 1 + drive)
        thirst = p["thirst_gain_per_mOsm"] * spos(f["posm"] - p["thirst_threshold_mOsm_kg"], 1) \
            + p["thirst_volume_gain"] * spos(1 - plasma_frac, 0.01)

        stomach = y[STOMACH:STOMACH + 9]
        gastric = stomach * c.gastric_rate
        lumen = y[LUMEN:LUMEN + 9]
        unmeasured = y[LUMEN_UNABS]
        vw = lumen[W]
        vl = spos(vw, c.lumen_eps) + 0.5 * c.lumen_eps
        contact = vw * vw / ((vw + c.contact_volume) * (vw + c.lumen_eps)) if vw > 0 else 0.0
        naL, kL, clL = lumen[NA] / vl, lumen[K] / vl, lumen[CL] / vl
        hco3L, gluL, fruL = lumen[HCO3] / vl, lumen[GLU] / vl, lumen[FRU] / vl
        osmL = (phi * (lumen[NA] + lumen[K] + lumen[CL] + lumen[HCO3]) + lumen[CIT] + lumen[MG] + lumen[GLU] + lumen[FRU]
                + unmeasured) / vl
        w = c.w
        naS, kS, clS, hco3S = max(naL, 0.0), max(kL, 0.0), max(clL, 0.0), max(hco3L, 0.0)  # carriers see c >= 0
        gluS, fruS = max(gluL, 0.0), max(fruL, 0.0)
        carriers = 1 - self.illness.absorption_injury * min(load, 1)
        sglt = carriers * p["sglt1_vmax_mmol_h_kg"] * w * gluS / (p["sglt1_km_glucose_mmol_L"] + gluS) * naS / (p["sglt1_km_na_mmol_L"] + naS)
        nhe = p["nhe_vmax_mmol_h_kg"] * w * (1 - self.illness.nhe_inhibition * min(load, 1)) * naS / (p["nhe_km_na_mmol_L"] + naS) \
            * clS / (p["nhe_km_na_mmol_L"] + clS)
        citrate_absorbed = p["citrate_absorption_per_h"] * lumen[CIT]
        # Paracellular transport: diffusion, solvent drag and upwind electrical drift with the zero-current potential x.
        PNa, PK = p["gut_na_permeability_L_h_kg"] * w, p["gut_k_permeability_L_h_kg"] * w
        PCl, PB = p["gut_cl_permeability_L_h_kg"] * w, p["gut_hco3_permeability_L_h_kg"] * w
        pNa, pK, pCl, pB = contact * PNa, contact * PK, contact * PCl, contact * PB
        dNa, dK, dCl, dB = naL - na, kL - k, clL - cl, hco3L - hco3
        active_current = p["sglt1_na_per_glucose"] * sglt - 3 * citrate_absorbed
        osmotic_water = contact * p["gut_water_permeability_L_h_mOsm_kg"] * w * (tonicity - osmL)
        drag = 1 - p["gut_nacl_reflection"]
        inflow, outflow = spos(-osmotic_water, 1e-4), spos(osmotic_water, 1e-4)
        dragNa, dragK = drag * (outflow * naS - inflow * na), drag * (outflow * kS - inflow * k)
        dragCl, dragB = drag * (outflow * clS - inflow * cl), drag * (outflow * hco3S - inflow * max(hco3, 0))
        passive_current = pNa * dNa + pK * dK - pCl * dCl - pB * dB + dragNa + dragK - dragCl - dragB
        current = active_current + passive_current
        s_back = logistic(current, 0, 0.02 * w)
        eNa = PNa * (s_back * na + (1 - s_back) * naS)
        eK = PK * (s_back * max(k, 0) + (1 - s_back) * kS)
        eCl = PCl * (s_back * clS + (1 - s_back) * max(cl, 0))
        eB = PB * (s_back * hco3S + (1 - s_back) * max(hco3, 0))
        x = -current / (eNa + eK + eCl + eB + 1e-30)
        ab = np.zeros(9)
        ab[NA] = p["sglt1_na_per_glucose"] * sglt + nhe + pNa * dNa + dragNa + eNa * x
        ab[K] = pK * dK + dragK + eK * x
        ab[CL] = nhe + pCl * dCl + dragCl - eCl * x
        ab[HCO3] = pB * dB + dragB - eB * x
        ab[CIT] = citrate_absorbed
        ab[MG] = p["mg_absorption_per_h"] * lumen[MG]
        ab[GLU] = sglt + p["glucose_passive_per_h"] * lumen[GLU]
        glut2 = p["glut2_fructose_vmax_mmol_h_kg"] * w * gluS / (p["glut2_glucose_km_mmol_L"] + gluS)
        ab[FRU] = carriers * (p["fructose_vmax_mmol_h_kg"] * w + glut2) * fruS / (p["fructose_km_mmol_L"] + fruS)
        ab[W] = osmotic_water + contact * p["sglt1_water_mL_per_mmol"] / 1000 * sglt

        # Fasting ketosis: glycogen buffers the usual carbohydrate; the uncovered shortfall becomes ketones.
        carb_supply = c.usual_carb * intake + (glucose_uptake - glucose_production) + ab[FRU]
        shortfall = c.glucose_need * (1 + 0.12 * max(0, temp - 37)) - carb_supply
        glycogen = y[GLYCOGEN]
        from_glycogen = glycogen_supply(glycogen, p)
        wg = 0.01 * c.glucose_need
        uncovered = (1 - p["gluconeogenesis_share"]) * spos(shortfall, wg)
        glycogen_rate = (spos(-shortfall, wg) * (1 - glycogen) - uncovered * from_glycogen + c.glycogen_draw0) / c.glycogen_store
        ketone_production = c.ketone_production0 + p["ketone_yield_per_glucose"] * spos(shortfall, wg) * (1 - from_glycogen)
        ketone_ox = ketone_oxidation(y[ECF_KET] / ve, c.ecf0, p)
        organic_net = (lactate_production - lactate_clearance) + (ketone_production - ketone_ox)
        organic_on_hco3 = organic_net * max(hco3, 0) / (max(hco3, 0) + 1)

        hco3_rel = max(hco3, 0) / hco3_0
        secretion = np.zeros(9)
        secretion_unmeasured = 0.0
        if self.illness.active and load > 0:
            h4 = p["secretion_perfusion_half"] ** 4
            perfusion = p2 * p2 / (p2 * p2 + h4) * (1 + h4)
            jw = self.illness.secretion_peak * load * secretion_supply * perfusion
            secretion = electroneutral_loss(jw, self.illness.stool, na / p["plasma_na_mmol_L"], k_rel, hco3_rel, mg_rel,
                                            cl_available)
            secretion_unmeasured = jw * self.illness.unmeasured

        kt = p["small_bowel_transit_per_h"] * (1 + p["illness_motility_gain"] * load)
        transit = lumen * kt
        transit_unmeasured = unmeasured * kt
        q = transit[W]
        nonabs = (lumen[GLU] + lumen[FRU] + lumen[MG] + lumen[CIT] + unmeasured) / vl
        cap_frac = c.colon_capacity / (abs(q) + c.colon_capacity * 1e-3)
        r = smin(p["colon_max_fraction"], cap_frac, 0.01)
        r = smin(r, 1 - nonabs / tonicity, 0.01)
        r = spos(r, 0.01)
        # The colon absorbs salt: cations at rc ≤ r; NaCl first (NHE3 + DRA), Cl down to the limiting stool Cl,
        # HCO3 only for the charge the Cl above that limit cannot carry.
        tna, tk, tcl, tb = max(transit[NA], 0), max(transit[K], 0), max(transit[CL], 0), max(transit[HCO3], 0)
        cations = tna + tk
        cl_room = ramp(tcl - p["colon_cl_limit_mmol_L"] * max(q * (1 - r), 0.0), 0.01 * w)
        rc = smin(r, (cl_room + tb) / max(cations, 1e-12), 0.01)
        charge = rc * cations
        col = np.zeros(9)
        col[W] = q * r
        col[NA] = rc * tna
        col[K] = rc * tk
        col[CL] = smin(charge, cl_room, 0.01 * charge + 1e-12)
        col[HCO3] = charge - col[CL]
        # Colonic Na absorption against a limiting gradient, paid for by K secretion and Cl absorption.
        stool_water = max(q - col[W], 0.0)
        na_left, cl_left = tna - col[NA], cl_room - col[CL]
        excess = ramp(na_left - p["colon_na_limit_mmol_L"] * stool_water, 0.01 * w)
        capacity = p["colon_na_capacity_mmol_h_kg"] * w * math.sqrt(aldo) * (1 - self.illness.nhe_inhibition * min(load, 1))
        colon_drive = capacity * excess / (capacity + excess + 1e-12)
        k_secreted = p["colon_k_secretion_fraction"] * colon_drive * min(k_rel, 1)
        cl_with = soft_min((1 - p["colon_k_secretion_fraction"]) * colon_drive, 0.9 * max(cl_left, 0.0))
        col[NA] += k_secreted + cl_with
        col[K] -= k_secreted
        col[CL] += cl_with

        presc = np.zeros(9)
        if m["illness"] and self.inputs.prescribed_rate > 0:
            presc = electroneutral_loss(self.inputs.prescribed_rate * secretion_supply, self.inputs.prescribed,
                                        na / p["plasma_na_mmol_L"], k_rel, hco3_rel, mg_rel, cl_available)
        basal = np.zeros(9)
        basal[W] = c.basal_stool_water * plasma_supply
        basal[NA] = c.basal_stool_na * na / p["plasma_na_mmol_L"] * cl_available
        basal[K] = c.basal_stool_k * k_rel * cl_available
        basal[HCO3] = electroneutral_base((basal[NA] + basal[K]) * (1 - p["basal_stool_cl_fraction"]) * hco3_rel, basal[NA] + basal[K])
        basal[CL] = basal[NA] + basal[K] - basal[HCO3]
        stool = transit - col + presc + basal

        loose = max(0.0, stool[W] - basal[W])
        # Drinking that follows stool or thirst saturates smoothly at max_drink_rate; thirst without an
        # ad-lib drink is met with water in the usual intake (with osmotic satiety).
        demand = self.inputs.per_stool[W] * loose
        ad_lib_rate, thirst_water = 0.0, 0.0
        if m["thirst"]:
            thirst_drink = p["thirst_drink_rate_L_h_kg"] * w * max(0.0, thirst - c.thirst0)
            satiety = logistic(f["posm"], p["thirst_threshold_mOsm_kg"] - 5, 2)
            if self.inputs.ad_lib is not None:
                ad_lib_rate = thirst_drink
            else:
                water_drink = p["thirst_drink_rate_L_h_kg"] * w * ramp(thirst - c.thirst0 - p["thirst_drinking_threshold"], 1.0)
                thirst_water = water_drink * p["thirst_water_intake"] * satiety * intake
            demand += ad_lib_rate + thirst_water
        oral = self.inputs.oral.copy()
        ad_lib_water = 0.0
        if demand > 0:
            cap = p["max_drink_rate_mL_kg_h"] * w / 1000
            qd = demand / cap
            q2 = qd * qd
            q4 = q2 * q2
            scale = 1 / (1 + q4 * q4) ** 0.125
            oral = oral + self.inputs.per_stool * (loose * scale)
            if self.inputs.ad_lib is not None:
                oral = oral + self.inputs.ad_lib * (ad_lib_rate * scale)
            oral[W] += thirst_water * scale
            ad_lib_water = (ad_lib_rate + thirst_water) * scale
        f.update(cell_water=cell_water, pump_k=pump_k, leak_k=leak_k, starling=starling, mg_exchange=mg_exchange,
                 glucose_production=glucose_production, glucose_uptake=glucose_uptake, diet_water=diet_water,
                 diet_na=diet_na, diet_k=diet_k, diet_cl=diet_cl, diet_mg=diet_mg, insensible=insensible,
                 metabolic_water=metabolic_water, cell_na_in=cell_na_in, cell_h_in=cell_h_in, gfr=gfr,
                 urine_na=urine_na, urine_cl=urine_cl, urine_k=urine_k, urine_mg=urine_mg, urine_glu=urine_glu,
                 urine_hco3=urine_hco3, urine_nh4=urine_nh4, ammonium_target=ammonium_target,
                 uosm=uosm, urine_water=urine_water, renal_base=renal_base, avp_target=avp_target,
                 aldo_target=aldo_target, thirst=thirst, gastric=gastric, absorb=ab, secretion=secretion,
                 secretion_unmeasured=secretion_unmeasured, transit=transit, transit_unmeasured=transit_unmeasured,
                 colon=col, prescribed=presc, basal=basal, stool=stool, oral=oral, ad_lib_water=ad_lib_water,
                 buffer_flux=buffer_flux, lactate_production=lactate_production, lactate_clearance=lactate_clearance,
                 organic_on_hco3=organic_on_hco3, ketone_production=ketone_production, ketone_ox=ketone_ox,
                 glycogen_rate=glycogen_rate,
                 insulin_rel=insulin_rel, adrenaline=adrenaline, gut_potential=x)
        return f

    def rhs(self, t, y):
        f = self.fluxes(t, y)
        c, p = self.c, self.p
        d = np.zeros(N)
        iv = self.inputs.iv
        ab, col = f["absorb"], f["colon"]
        d[PV] = ab[W] + col[W] + iv[W] + f["diet_water"] + f["metabolic_water"] - f["urine_water"] - f["starling"] \
            - f["basal"][W] - f["insensible"]
        d[ISF] = f["starling"] - f["cell_water"] - f["secretion"][W] - f["prescribed"][W]
        d[CELLV] = f["cell_water"]
        out = f["secretion"] + f["prescribed"] + f["basal"]
        organic_net = (f["lactate_production"] - f["lactate_clearance"]) + (f["ketone_production"] - f["ketone_ox"])
        d[ECF_NA] = ab[NA] + col[NA] + iv[NA] + f["diet_na"] - f["urine_na"] - out[NA] - f["cell_na_in"] + f["buffer_flux"] \
            + (organic_net - f["organic_on_hco3"])
        d[ECF_K] = ab[K] + col[K] + iv[K] + f["diet_k"] - f["urine_k"] - out[K] - f["pump_k"] + f["leak_k"]
        d[ECF_CL] = ab[CL] + col[CL] + iv[CL] + f["diet_cl"] - f["urine_cl"] - out[CL]
        d[ECF_BASE] = ab[HCO3] + 3 * ab[CIT] + col[HCO3] + base_equivalents(iv) + f["renal_base"] - out[HCO3] \
            + f["cell_h_in"] + f["buffer_flux"] - f["organic_on_hco3"]
        d[ECF_LAC] = f["lactate_production"] - f["lactate_clearance"]
        d[ECF_KET] = f["ketone_production"] - f["ketone_ox"]
        d[GLYCOGEN] = f["glycogen_rate"]
        d[BUFFER_H] = f["buffer_flux"] + (organic_net - f["organic_on_hco3"])
        d[ECF_MG] = ab[MG] + iv[MG] + f["diet_mg"] + f["mg_exchange"] - f["urine_mg"] - out[MG]
        d[ECF_GLU] = ab[GLU] + iv[GLU] + f["glucose_production"] - f["glucose_uptake"] - f["urine_glu"]
        d[CELL_NA] = f["cell_na_in"]
        d[CELL_K] = f["pump_k"] - f["leak_k"]
        d[MG_POOL] = -f["mg_exchange"]
        d[STOMACH:STOMACH + 9] += f["oral"] - f["gastric"]
        d[LUMEN:LUMEN + 9] += f["gastric"] - ab + f["secretion"] - f["transit"]
        d[LUMEN_UNABS] = f["secretion_unmeasured"] - f["transit_unmeasured"]
        if self.mech["renal_regulation"]:
            d[AVP] = (f["avp_target"] - y[AVP]) / p["adh_time_constant_h"]
            d[ALDO] = (f["aldo_target"] - y[ALDO]) / p["aldosterone_time_constant_h"]
            d[NH4_EXTRA] = (f["ammonium_target"] - y[NH4_EXTRA]) / p["ammonium_adaptation_time_h"]
        d[CUM_ORAL] = f["oral"][W] + f["diet_water"]
        d[CUM_IV] = iv[W]
        d[CUM_STOOL] = f["stool"][W]
        d[CUM_URINE] = f["urine_water"]
        d[CUM_INS] = f["insensible"]
        d[CUM_METW] = f["metabolic_water"]
        d[CUM_NA_IN] = f["oral"][NA] + f["diet_na"] + iv[NA]
        d[CUM_NA_OUT] = f["stool"][NA] + f["urine_na"]
        d[CUM_K_IN] = f["oral"][K] + f["diet_k"] + iv[K]
        d[CUM_K_OUT] = f["stool"][K] + f["urine_k"]
        d[CUM_CL_IN] = f["oral"][CL] + f["diet_cl"] + iv[CL]
        d[CUM_CL_OUT] = f["stool"][CL] + f["urine_cl"]
        d[CUM_BASE_IN] = base_equivalents(f["oral"]) + base_equivalents(iv) + f["urine_nh4"]
        d[CUM_BASE_OUT] = base_equivalents(f["stool"]) + f["urine_hco3"]
        return d

    # --- Observables (Observer.swift) ---
    def observe(self, t, y, initial_water, w0):
        f = self.fluxes(t, y)
        water = y[PV] + y[ISF] + y[CELLV] + y[STOMACH] + y[LUMEN]
        weight = w0 + (water - initial_water)
        infl = self.track.state(t)
        ve = y[PV] + y[ISF]
        stool = f["stool"]
        renal = self.mech["renal_regulation"]
        v = {
            "time_h": t, "body_weight_kg": weight, "weight_loss_pct": 100 * (w0 - weight) / w0,
            "water_total_L": y[PV] + y[ISF] + y[CELLV], "volume_plasma_L": y[PV], "volume_interstitial_L": y[ISF],
            "volume_intracellular_L": y[CELLV], "volume_gut_lumen_L": y[STOMACH] + y[LUMEN],
            "na_plasma_mmol_L": f["na"], "k_plasma_mmol_L": f["k"], "cl_plasma_mmol_L": f["cl"],
            "hco3_plasma_mmol_L": f["hco3"], "mg_plasma_mmol_L": f["mg"], "glucose_plasma_mmol_L": f["glu"],
            "osmolality_plasma_mosm_kg": f["posm"], "urine_rate_mL_kg_h": f["urine_water"] * 1000 / w0,
            "stool_rate_mL_h": stool[W] * 1000, "cum_oral_intake_L": y[CUM_ORAL], "cum_iv_intake_L": y[CUM_IV],
            "cum_stool_L": y[CUM_STOOL], "cum_urine_L": y[CUM_URINE], "cum_insensible_L": y[CUM_INS],
            "cum_vomit_L": y[CUM_VOMIT], "cum_metabolic_water_L": y[CUM_METW],
            "na_total_mmol": y[ECF_NA] + y[CELL_NA] + y[STOMACH + NA] + y[LUMEN + NA],
            "k_total_mmol": y[ECF_K] + y[CELL_K] + y[STOMACH + K] + y[LUMEN + K],
            "cum_na_in_mmol": y[CUM_NA_IN], "cum_na_out_mmol": y[CUM_NA_OUT], "cum_k_in_mmol": y[CUM_K_IN],
            "cum_k_out_mmol": y[CUM_K_OUT], "tnf_pg_mL": infl[TNF_F] + infl[TNF_S], "il1b_pg_mL": infl[IL1B],
            "il6_pg_mL": infl[IL6], "il10_pg_mL": infl[IL10], "temperature_C": f["temperature"],
            "myalgia_score": self.infl.myalgia(infl),
            "cramp_score": cramp_score(f["k"], f["mg"], f["na"], ve / self.c.ecf0),
            "pathogen_load": f["load"], "urine_osm_mosm_kg": f["uosm"], "gfr_mL_min": f["gfr"] * 1000 / 60,
            "adh_pmol_L": y[AVP] if renal else self.c.avp0, "aldosterone_rel": y[ALDO] if renal else 1.0,
            "thirst_vas": f["thirst"], "stool_na_mmol_L": stool[NA] / stool[W] if stool[W] > 0 else 0.0,
            "stool_k_mmol_L": stool[K] / stool[W] if stool[W] > 0 else 0.0, "volume_stomach_L": y[STOMACH],
            "ph_plasma": f["ph"], "pco2_mmHg": f["pco2"], "anion_gap_mmol_L": f["na"] + f["k"] - f["cl"] - f["hco3"],
            "cum_cl_in_mmol": y[CUM_CL_IN], "cum_cl_out_mmol": y[CUM_CL_OUT],
            "cl_total_mmol": y[ECF_CL] + y[STOMACH + CL] + y[LUMEN + CL],
            "cum_base_in_mmol": y[CUM_BASE_IN], "cum_base_out_mmol": y[CUM_BASE_OUT],
            "base_total_mmol": y[ECF_BASE] + y[ECF_LAC] + y[ECF_KET] + y[STOMACH + HCO3] + y[LUMEN + HCO3]
            + 3 * (y[STOMACH + CIT] + y[LUMEN + CIT]) - y[BUFFER_H]
            - ((self.c.cellK0 * self.c.cell0 - y[CELL_K]) - (y[CELL_NA] - self.p["cell_na_mmol_L"] * self.c.cell0)),
            "stool_cl_mmol_L": stool[CL] / stool[W] if stool[W] > 0 else 0.0,
            "stool_base_mmol_L": base_equivalents(stool) / stool[W] if stool[W] > 0 else 0.0,
            "urine_nh4_mmol_day": f["urine_nh4"] * 24, "insulin_rel": f["insulin_rel"], "adrenaline_ng_mL": f["adrenaline"],
            "thirst_drinking_mL_h": f["ad_lib_water"] * 1000, "lactate_mmol_L": f["lactate"],
            "buffer_na_released_mmol": y[BUFFER_H], "ketone_mmol_L": f["ketone"], "liver_glycogen_pct": 100 * y[GLYCOGEN],
            "mucosal_inflammation": infl[MUC], "stool_blood": self.infl.stool_blood(infl),
            "abdominal_pain_score": self.infl.abdominal_pain(infl), "crp_mg_L": infl[CRP],
            "paracetamol_mg_L": infl[PARA_C], "ibuprofen_mg_L": infl[IBU_C],
        }
        # Circulation (issue 12): supine, and standing with standing_shift_fraction pooled in the legs
        cs, cc = f["circulation"], self.c.circ
        st = cc.state(y[PV], cc.shift)
        rise, drop = st["hr"] - cs["hr"], cs["sbp"] - st["sbp"]
        v.update({
            "heart_rate_bpm": cs["hr"], "map_mmHg": cs["map"], "systolic_mmHg": cs["sbp"], "diastolic_mmHg": cs["dbp"],
            "orthostatic_hr_rise_bpm": rise, "orthostatic_sbp_drop_mmHg": drop, "haematocrit": cs["hct"],
            "blood_volume_L": cs["bv"], "cardiac_output_rel": cs["co"],
            "tachycardia": 1.0 if cs["hr"] > cc.tachy else 0.0,
            "dizziness": 1.0 if (rise >= 30 * max(1, cc.hr0 / 70) or drop >= 20) else 0.0,
            "shock": 1.0 if cs["sbp"] < cc.hypo else 0.0,
        })
        return [v[o] for o in OBSERVABLES]


# --- Schedule (Schedule.swift) and the segment loop (Simulation.swift) -----------------------------
def window(s):
    """A drink schedule's (start_h, stop_h); a missing start is 0 and a missing or null stop (JSON
    has no infinity) never stops."""
    start = s.get("start_h", 0.0)
    stop = s.get("stop_h")
    return start, (math.inf if stop is None else stop)


def in_window(s, t):
    """Whether the drink is on at t (start inclusive, stop exclusive)."""
    start, stop = window(s)
    return start <= t < stop


class Schedule:
    def __init__(self, problem):
        self.problem = problem
        self.weight = problem["patient"]["weight_kg"]
        end = problem["duration_h"]
        self.boluses = []
        times = set()
        for d in problem["drinks"]:
            s = d["schedule"]
            if s["kind"] == "at":
                for t in s["times_h"]:
                    if t <= end:
                        self.boluses.append((t, mix(d["fluid"], s["volume_L"])))
            elif s["kind"] == "every":
                n = 0
                while True:
                    t = s["start_h"] + n * s["interval_h"]
                    if t >= min(s["stop_h"], end) or n > 1_000_000:
                        break
                    self.boluses.append((t, mix(d["fluid"], s["volume_L"])))
                    n += 1
            elif s["kind"] in ("rate", "per_stool", "ad_lib"):
                start, stop = window(s)
                times.update([start, stop])
        for inf in problem["infusions"]:
            times.update([inf["start_h"], inf["stop_h"]])
        ill = problem["illness"]
        if problem["mechanisms"]["illness"]:
            if ill["kind"] == "prescribed_stool":
                times.update(r[0] for r in ill["rates_mL_kg_h"])
            elif ill["kind"] == "endotoxin":
                times.add(ill["time_h"])
        self.vomits = problem["vomits"]
        times.update(b[0] for b in self.boluses)
        times.update(v["time_h"] for v in self.vomits)
        self.boundaries = sorted(t for t in times if math.isfinite(t))

    def inputs(self, t):
        u = Inputs()
        for inf in self.problem["infusions"]:
            if inf["start_h"] <= t < inf["stop_h"]:
                u.iv = u.iv + mix(inf["fluid"], inf["rate_L_h"])
        for d in self.problem["drinks"]:
            s = d["schedule"]
            if s["kind"] == "rate" and s["start_h"] <= t < s["stop_h"]:
                u.oral = u.oral + mix(d["fluid"], s["rate_L_h"])
            elif s["kind"] == "per_stool" and s["stool_volume_L"] > 0 and in_window(s, t):
                u.per_stool = u.per_stool + mix(d["fluid"], s["volume_L"] / s["stool_volume_L"])
            elif s["kind"] == "ad_lib" and in_window(s, t):
                u.ad_lib = mix(d["fluid"], 1.0)
        ill = self.problem["illness"]
        if self.problem["mechanisms"]["illness"] and ill["kind"] == "prescribed_stool":
            rate = 0.0
            for start, r in ill["rates_mL_kg_h"]:
                if start <= t:
                    rate = r
            u.prescribed_rate = rate * self.weight / 1000
            u.prescribed = ill["composition"]
        return u

    def apply_events(self, t, model, y):
        model.inputs = self.inputs(t)
        for bt, m in self.boluses:
            if bt == t:
                y[STOMACH:STOMACH + 9] += m
                y[CUM_ORAL] += m[W]
                y[CUM_NA_IN] += m[NA]
                y[CUM_K_IN] += m[K]
                y[CUM_CL_IN] += m[CL]
                y[CUM_BASE_IN] += base_equivalents(m)
        for v in self.vomits:
            if v["time_h"] == t:
                fr = min(max(v["fraction"], 0), 1)
                y[CUM_VOMIT] += fr * y[STOMACH]
                y[CUM_NA_OUT] += fr * y[STOMACH + NA]
                y[CUM_K_OUT] += fr * y[STOMACH + K]
                y[CUM_CL_OUT] += fr * y[STOMACH + CL]
                y[CUM_BASE_OUT] += fr * (y[STOMACH + HCO3] + 3 * y[STOMACH + CIT])
                y[STOMACH:STOMACH + 9] *= (1 - fr)


def sample_times(duration, interval):
    out, k = [], 0
    while True:
        t = k * interval
        if t >= duration * (1 - 1e-12):
            break
        out.append(t)
        k += 1
    return out + [duration]


def simulate(problem, method="LSODA", rtol=1e-10, atol=1e-12, sample_interval=None):
    """Integrates one arm segment by segment (a new solve_ivp call after every event, like osmo's
    driver reset) and returns (times, {observable: array}, info)."""
    model = Model(problem, method, rtol, atol)
    schedule = Schedule(problem)
    end = problem["duration_h"]
    y = model.initial_state()
    w0 = problem["patient"]["weight_kg"]
    initial_water = y[PV] + y[ISF] + y[CELLV] + y[STOMACH] + y[LUMEN]
    samples = sample_times(end, sample_interval or problem["sample_interval_h"])
    boundaries = [b for b in schedule.boundaries if 0 < b < end]
    model.inputs = schedule.inputs(0)
    schedule.apply_events(0, model, y)
    rows, nfev, status = [], 0, "success"
    a = 0.0
    for seg_end in boundaries + [end]:
        last = seg_end == end
        ts = [t for t in samples if a <= t and (t < seg_end or (last and t <= seg_end))]
        te = ts if ts and ts[-1] == seg_end else ts + [seg_end]
        sol = solve_ivp(model.rhs, (a, seg_end), y, method=method, t_eval=te, rtol=rtol, atol=atol)
        nfev += sol.nfev
        if sol.status != 0:
            status = f"failed at {sol.t[-1] if len(sol.t) else a}: {sol.message}"
            break
        for t, yy in zip(sol.t[:len(ts)], sol.y.T[:len(ts)]):
            rows.append(model.observe(t, yy, initial_water, w0))
        y = sol.y[:, -1].copy()
        if last:
            break
        schedule.apply_events(seg_end, model, y)
        a = seg_end
    arr = np.array(rows)
    cols = {o: arr[:, j] for j, o in enumerate(OBSERVABLES)} if len(rows) else {o: np.array([]) for o in OBSERVABLES}
    return arr[:, 0] if len(rows) else np.array([]), cols, {"nfev": nfev, "status": status}

