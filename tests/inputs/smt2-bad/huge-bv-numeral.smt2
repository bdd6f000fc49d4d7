(declare-const x (_ BitVec 8))
(assert (= x (_ bv1 99999999999999999999)))
(assert (= x (_ bv1 268435457)))
(echo "after")
