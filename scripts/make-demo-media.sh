#!/usr/bin/env bash
# Generates the demo videos and images that the test server serves from tests/server/media.
# The outputs are committed, so only run this when the demo media should change.
# Needs ffmpeg with libx264, libvpx-vp9, libopus and drawtext, and the DejaVu fonts.
# Audio tracks are not made here: the server synthesises them as WAV on request.
set -euo pipefail

cd "$(dirname "$0")/.."
out=tests/server/media
ffmpeg=${FFMPEG:-ffmpeg}
font=${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}
mkdir -p "$out"

run() {
	"$ffmpeg" -hide_banner -loglevel error -y "$@"
}

# Draws a title and the playback clock, so a viewer can check positions by eye.
overlay() {
	local title=$1
	printf '%s' "drawtext=fontfile=$font:text='$title':x=10:y=10:fontsize=18:fontcolor=white:box=1:boxcolor=black@0.6,"
	printf '%s' "drawtext=fontfile=$font:text='%{pts\\:hms}':x=10:y=h-34:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.6"
}

# H.264 (High) + AAC in MP4, 12 s, beeping at 440 Hz once a second.
run -f lavfi -i "smptehdbars=size=320x180:rate=25:duration=12" \
	-f lavfi -i "sine=frequency=440:beep_factor=4:sample_rate=44100:duration=12" \
	-vf "$(overlay 'Color Bars')" \
	-c:v libx264 -preset veryslow -crf 28 -pix_fmt yuv420p -g 50 \
	-c:a aac -b:a 64k -ac 2 -movflags +faststart -shortest \
	"$out/color-bars.mp4"

# VP9 + Opus in WebM, 15 s, beeping at 660 Hz once a second.
run -f lavfi -i "testsrc=size=320x180:rate=25:duration=15" \
	-f lavfi -i "sine=frequency=660:beep_factor=4:sample_rate=48000:duration=15" \
	-vf "$(overlay 'Counting Pattern')" \
	-c:v libvpx-vp9 -b:v 180k -deadline good -cpu-used 4 -row-mt 1 -g 50 -pix_fmt yuv420p \
	-c:a libopus -b:a 48k -ac 2 -shortest \
	"$out/counting-pattern.webm"

# Posters in the 2:3 shape that movie posters use, and a square album cover.
run -f lavfi -i "smptehdbars=size=240x360" -frames:v 1 \
	-vf "drawtext=fontfile=$font:text='Color Bars':x=(w-tw)/2:y=h-60:fontsize=26:fontcolor=white:box=1:boxcolor=black@0.6" \
	-q:v 5 "$out/color-bars-poster.jpg"
run -f lavfi -i "testsrc=size=240x360:rate=1" -frames:v 1 \
	-vf "drawtext=fontfile=$font:text='Counting Pattern':x=(w-tw)/2:y=h-60:fontsize=22:fontcolor=white:box=1:boxcolor=black@0.6" \
	-q:v 5 "$out/counting-pattern-poster.jpg"
run -f lavfi -i "mandelbrot=size=300x300:rate=1" -frames:v 1 \
	-vf "drawtext=fontfile=$font:text='Tone Poems':x=(w-tw)/2:y=h-56:fontsize=30:fontcolor=white:box=1:boxcolor=black@0.6" \
	-q:v 5 "$out/tone-poems-cover.jpg"

ls -l "$out"
