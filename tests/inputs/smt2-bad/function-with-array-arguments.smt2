(declare-fun f ((Array (_ BitVec 8) Bool)) Bool)
(echo "after")
