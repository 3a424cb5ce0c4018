# the reference implementation passes its own hand-worked cases
python3 "$REF/selftest.py" > out.txt 2>&1 && echo "reference selftest passed" || cat out.txt
