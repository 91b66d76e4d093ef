import Testing
@testable import OsmoSweep

private func param(_ name: String, _ d: SweepParameter.Distribution, levels: Int? = nil) -> SweepParameter {
    SweepParameter(name: name, target: .model(name), distribution: d, levels: levels)
}

@Suite struct PlanTests {
    let three = [param("a", .uniform(low: 0, high: 1), levels: 4), param("b", .values([1, 2, 3])),
                 param("c", .logUniform(low: 1, high: 100), levels: 3)]

    @Test func planSizes() {
        #expect(SamplingPlan.grid.runCount(three) == 36)
        #expect(SamplingPlan.latinHypercube(samples: 17, seed: 3).runCount(three) == 17)
        #expect(SamplingPlan.sobol(samples: 64).runCount(three) == 64)
        #expect(SamplingPlan.saltelli(base: 128).runCount(three) == 128 * 5)
    }

    @Test func gridValuesAndOrder() {
        #expect(three[0].gridValues == [0, 1.0 / 3, 2.0 / 3, 1])
        let c = three[2].gridValues
        #expect(c.count == 3 && c[0] == 1 && abs(c[1] - 10) < 1e-12 && c[2] == 100)
        let cursor = PlanCursor(plan: .grid, parameters: three)
        #expect(cursor.values(run: 0) == [0, 1, 1])
        #expect(cursor.values(run: 1)[2] == c[1])   // the last parameter varies fastest
        #expect(cursor.values(run: 3) == [0, 2, 1])
        #expect(cursor.values(run: 35) == [1, 3, 100])
    }

    @Test func sobolMatchesGSLFirstPoints() {
        // gsl_qrng_sobol in 2 dimensions (GSL 2.7, checked with a C program): it starts at (½, ½).
        let expected: [[Double]] = [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125]]
        let s = SobolSequence(dimension: 2)!
        for e in expected { #expect(s.next() == e) }
        let four = SobolSequence(dimension: 4)!
        four.advance(to: 3)
        #expect(four.next() == [0.375, 0.375, 0.625, 0.125])
        #expect(SobolSequence(dimension: 41) == nil)
        // A plain Sobol plan maps the points through the ranges.
        let p = [param("x", .uniform(low: 10, high: 20)), param("y", .uniform(low: 0, high: 4))]
        let cursor = PlanCursor(plan: .sobol(samples: 6), parameters: p)
        #expect(cursor.values(run: 0) == [15, 2])
        #expect(cursor.values(run: 1) == [17.5, 1])
    }

    @Test func saltelliBlocks() {
        let p = (0..<3).map { param("p\($0)", .uniform(low: 0, high: 1)) }
        let cursor = PlanCursor(plan: .saltelli(base: 8), parameters: p)
        let sobol = SobolSequence(dimension: 6)!
        for j in 0..<8 {
            let x = sobol.next()
            let a = Array(x[0..<3]), b = Array(x[3..<6])
            #expect(cursor.unitPoint(run: j * 5) == a)
            for i in 0..<3 {
                var ab = a
                ab[i] = b[i]
                #expect(cursor.unitPoint(run: j * 5 + 1 + i) == ab)
            }
            #expect(cursor.unitPoint(run: j * 5 + 4) == b)
        }
    }

    @Test func latinHypercubeStratifiesEveryDimension() {
        for n in [1, 7, 64, 1000] {
            let cursor = PlanCursor(plan: .latinHypercube(samples: n, seed: 42), parameters: three)
            var seen = Array(repeating: Set<Int>(), count: 3)
            for run in 0..<n {
                let u = cursor.unitPoint(run: run)
                for d in 0..<3 {
                    #expect(u[d] >= 0 && u[d] < 1)
                    seen[d].insert(Int(u[d] * Double(n)))
                }
            }
            for d in 0..<3 { #expect(seen[d].count == n) }
        }
    }

    @Test func deterministicAndSeeded() {
        let a = PlanCursor(plan: .latinHypercube(samples: 50, seed: 7), parameters: three)
        let b = PlanCursor(plan: .latinHypercube(samples: 50, seed: 7), parameters: three)
        let c = PlanCursor(plan: .latinHypercube(samples: 50, seed: 8), parameters: three)
        let va = (0..<50).map { a.values(run: $0) }
        #expect(va == (0..<50).map { b.values(run: $0) })
        #expect(va != (0..<50).map { c.values(run: $0) })
        // Random access: a later cursor asked only for run 30 gives the same point.
        #expect(PlanCursor(plan: .latinHypercube(samples: 50, seed: 7), parameters: three).values(run: 30) == va[30])
    }

    @Test func permutationIsABijection() {
        for n in [1, 2, 3, 5, 17, 256, 1001] {
            let p = RandomPermutation(count: n, key: 99)
            #expect(Set((0..<n).map { p[$0] }) == Set(0..<n))
        }
    }

    @Test func shardsCoverEveryRunOnce() {
        for runs in [0, 1, 5, 36, 1001] {
            for n in [1, 2, 3, 7, 40] {
                var count = Array(repeating: 0, count: runs)
                for k in 0..<n {
                    let s = Shard(index: k, count: n)!
                    for pos in 0..<s.ownedCount(of: runs) {
                        let r = s.run(at: pos)
                        #expect(s.owns(r))
                        count[r] += 1
                    }
                }
                #expect(count.allSatisfy { $0 == 1 })
            }
        }
        #expect(Shard(parsing: "3/4") == Shard(index: 3, count: 4))
        #expect(Shard(parsing: "4/4") == nil)
        #expect(Shard(parsing: "-1/4") == nil)
        #expect(Shard(parsing: "1") == nil)
    }
}
