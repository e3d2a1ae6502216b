#!/usr/bin/env bash
# The Mesa port against entente: pairs.csv byte for byte, on every shipped scenario and every
# lever of the default one, with noise off and with noise on (the port fed entente's stream).
# Needs `npm run build`, Debian's python3-numpy and python3-pandas, and Mesa 3.1.5's source
# (MESA_SRC, default ../shared/peers/mesa-3.1.5 next to the repository).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
mesa_src=${MESA_SRC:-$root/../shared/peers/mesa-3.1.5}
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
compare() { # label, then exportConfig/run arguments
  local label=$1
  shift
  node dist/bench/peers/export.js "$@" "$work/config.json"
  PYTHONPATH="$mesa_src" "$python" bench/peers/mesa/run.py "$work/config.json" "$work/mesa.csv"
  node dist/cli/main.js run "$@" --out "$work/entente" --force --quiet >/dev/null
  if cmp -s "$work/entente/pairs.csv" "$work/mesa.csv"; then
    echo "same pairs.csv: $label ($(($(wc -l <"$work/mesa.csv") - 1)) rows)"
  else
    echo "DIFFERENT pairs.csv: $label" >&2
    diff "$work/entente/pairs.csv" "$work/mesa.csv" | head -5 >&2
    exit 1
  fi
}
for noise in 0 on; do
  set_noise=()
  [ "$noise" = 0 ] && set_noise=(--set model.noise=0)
  for scenario in scenarios/china-russia-2022.yaml scenarios/nato-contrast.yaml scenarios/tutorial.yaml; do
    compare "$scenario, noise $noise" "$scenario" -r 3 "${set_noise[@]}"
  done
  for lever in coerciveWedge targetedCoercion rewardWedge earlyBankSanctions kazakhSovereigntySupport energyDiversification; do
    compare "lever $lever, noise $noise" scenarios/china-russia-2022.yaml --lever "$lever" -r 3 "${set_noise[@]}"
  done
  # The partner's counter-bid (off by default): strong enough that China turns the reward down.
  compare "rewardWedge with a counter-bid, noise $noise" scenarios/china-russia-2022.yaml --lever rewardWedge --set model.counterBid=3 -r 3 "${set_noise[@]}"
  # The channels the other way (off by default) and the rival structures of docs/model.md §10.2.
  compare "earlyBankSanctions with resentment, noise $noise" scenarios/china-russia-2022.yaml --lever earlyBankSanctions --set model.secondaryGrievance=0.5 -r 3 "${set_noise[@]}"
  compare "kazakhSovereigntySupport with orbit rivalry, noise $noise" scenarios/china-russia-2022.yaml --lever kazakhSovereigntySupport --set model.orbitRivalry=1 -r 3 "${set_noise[@]}"
  compare "coerciveWedge with blame, noise $noise" scenarios/china-russia-2022.yaml --lever coerciveWedge --set model.sanctionBlame=0.5 -r 3 "${set_noise[@]}"
  compare "guarding autonomy, noise $noise" scenarios/china-russia-2022.yaml --set model.mechanisms.autonomy=0.5 -r 3 "${set_noise[@]}"
  compare "S-shaped dollar exit and glut-only discount, noise $noise" scenarios/china-russia-2022.yaml --set model.dollarNetwork=0.9 --set model.buyerPower=0 -r 3 "${set_noise[@]}"
done
# The number format alone, on values pairs.csv rarely holds: tiny, huge, halves at the 7th digit.
node --input-type=module -e "
import { formatNumber } from './dist/io/formatNumber.js';
import { makeRandom } from './dist/model/rng.js';
const random = makeRandom(1);
const xs = [0, -0, 1, -1, 0.1, 1e-7, 1.5e-6, 9.9999995e-7, 0.00001234567, 123456.75, 1234567.5, 9999999.5, 12345678.9, 1e21, 2.5e-12, -3.14159265, 0.30000000000000004];
for (let i = 0; i < 2000; i++) xs.push((random() - 0.5) * 10 ** (Math.floor(random() * 30) - 15));
for (const x of xs) console.log(JSON.stringify(x) + ' ' + formatNumber(x));
" >"$work/numbers.txt"
PYTHONPATH=bench/peers/mesa "$python" -c "
import sys
from entente_numbers import format_number
bad = [l for l in open(sys.argv[1]).read().split('\n') if l and format_number(float(l.split(' ')[0])) != l.split(' ')[1]]
print(f'number format: {len(bad)} of the checked values differ', *bad[:5], sep='\n')
sys.exit(1 if bad else 0)
" "$work/numbers.txt"
