(declare-const |ab| Bool)
(echo "after")
