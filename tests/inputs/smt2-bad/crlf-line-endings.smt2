(echo "before")
(declare-const x (_ BitVec 8))
(assert (= x y))
(echo "after")
