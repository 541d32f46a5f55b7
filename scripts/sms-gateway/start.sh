#!/usr/bin/env bash
# npm run sms:gateway — runs Gammu SMSD with the dummy phone for the SMS channel: creates its
# database when missing, writes smsdrc with absolute paths, and runs gammu-smsd in the
# foreground (Ctrl-C stops it). Start the app with the same SMS_GATEWAY_DATABASE_URL, then
# make the phone receive an SMS with drop-sms.ts (printed below).
#   SMS_GATEWAY_DATABASE_URL  SMSD's own database (default postgres://postgres@127.0.0.1:5432/petawarga_smsd)
#   SMS_GATEWAY_DIR           smsdrc, phone folder and log (default .data/sms-gateway)
set -euo pipefail
cd "$(dirname "$0")/../.."
url=${SMS_GATEWAY_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/petawarga_smsd}
dir=${SMS_GATEWAY_DIR:-.data/sms-gateway}

if ! command -v gammu-smsd >/dev/null; then
  echo "gammu-smsd is not installed: apt-get install -y gammu-smsd" >&2
  exit 1
fi
mkdir -p "$dir"
smsdrc=$(npx tsx scripts/sms-gateway/setup.ts --database-url "$url" --dir "$dir" --log stderr)
echo "SMSD database: $url"
echo "Receive an SMS: npx tsx scripts/sms-gateway/drop-sms.ts --phone-dir $dir/phone +6281234567890 LAPOR BANJIR Kel. Sukasari, Jl. Merdeka depan masjid, air selutut"
echo "Replies sent:   psql '$url' -c 'SELECT \"DestinationNumber\", \"TextDecoded\", \"Status\" FROM sentitems ORDER BY \"ID\"'"
exec gammu-smsd -c "$smsdrc"
