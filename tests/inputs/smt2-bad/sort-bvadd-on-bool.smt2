(declare-const p Bool)
(assert (= (bvadd p p) (bvadd p p)))
(echo "after")
