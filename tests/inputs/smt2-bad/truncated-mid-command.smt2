(echo "before")
(declare-const