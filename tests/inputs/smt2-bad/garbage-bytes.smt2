(echo "before")
{}[]\ garbage
(echo "after")
