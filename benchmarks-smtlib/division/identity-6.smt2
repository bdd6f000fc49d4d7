; x = (x udiv y) * y + (x urem y) for all x, y at width 6 (also for y = 0 under SMT-LIB semantics).
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 6))
(declare-const y (_ BitVec 6))
(assert (not (= x (bvadd (bvmul (bvudiv x y) y) (bvurem x y)))))
(check-sat)
(exit)
