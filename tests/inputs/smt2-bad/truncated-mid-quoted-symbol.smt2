(echo "before")
(declare-const |the file ends in this symbol Bool)
