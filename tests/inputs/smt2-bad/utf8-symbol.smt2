(declare-const café Bool)
(declare-const |café| Bool)
(echo "after")
