(declare-const x (_ BitVec 8))
(assert (= x 5))
(assert (= x 1.5))
(echo "after")
