#!/bin/sh
# check-model-types.sh SOURCE_ROOT - every model type of common/ is fuzzed
#
# fuzz-models.c lists the model types it decodes; a model type added to
# common/ without an entry there fails this test.
set -eu
root=$1
status=0
for type in $(sed -n 's/^G_DECLARE_FINAL_TYPE (Bel[A-Za-z]*, \(bel_[a-z_]*\), BEL, [A-Z_]*, BelResource)$/\1/p' \
                "$root"/common/*.h); do
    if ! grep -q "^  ${type}_get_type,\$" "$root/tests/fuzz/fuzz-models.c"; then
        echo "tests/fuzz/fuzz-models.c does not fuzz $type: add ${type}_get_type at the end of model_types[]"
        status=1
    fi
done
[ $status -eq 0 ] && echo "every model type of common/ is in fuzz-models.c"
exit $status
