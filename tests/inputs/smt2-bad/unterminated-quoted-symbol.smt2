(echo "before")
(declare-const |never closed Bool)
