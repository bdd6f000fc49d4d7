; x = (x udiv y) * y + (x urem y) for all x, y at width 4 (also for y = 0 under SMT-LIB semantics).
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 4))
(declare-const y (_ BitVec 4))
(assert (not (= x (bvadd (bvmul (bvudiv x y) y) (bvurem x y)))))
(check-sat)
(exit)
