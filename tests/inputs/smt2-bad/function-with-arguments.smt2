(declare-fun f ((_ BitVec 8)) Bool)
(echo "after")
