(declare-const x (_ BitVec 99999999999999999999))
(declare-const y (_ BitVec 4294967295))
(declare-const z (_ BitVec 0))
(echo "after")
