#!/usr/bin/env bash
# Generates the media of the test server's items that Chromium cannot play as they are: an HEVC
# MP4, an MKV with DTS audio and an MP4 with two audio streams. It also cuts the pre-made HLS
# renditions that the server offers as their transcodes. The outputs are committed (about 1 MB),
# so only run this when that media should change.
# Needs ffmpeg with libx264, libx265, the experimental DTS encoder (dca) and drawtext, and the
# DejaVu fonts.
set -euo pipefail

cd "$(dirname "$0")/.."
out=tests/server/media
ffmpeg=${FFMPEG:-ffmpeg}
font=${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}
seconds=12
mkdir -p "$out/hls"

run() {
	"$ffmpeg" -hide_banner -loglevel error -y "$@"
}

# Draws a title and the playback clock, so a viewer can check positions by eye.
overlay() {
	local title=$1
	printf '%s' "drawtext=fontfile=$font:text='$title':x=10:y=10:fontsize=18:fontcolor=white:box=1:boxcolor=black@0.6,"
	printf '%s' "drawtext=fontfile=$font:text='%{pts\\:hms}':x=10:y=h-34:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.6"
}

# A white band with black text where subtitles sit, standing in for a burned-in PGS subtitle.
burned_subtitle="drawbox=x=0:y=ih-60:w=iw:h=26:color=white:t=fill,drawtext=fontfile=$font:text='PGS subtitle':x=(w-tw)/2:y=h-56:fontsize=18:fontcolor=black"

# H.264 settings shared by every encode: a keyframe every 2 s, so HLS segments are 2 s long.
h264=(-c:v libx264 -preset veryslow -crf 32 -g 50 -keyint_min 50 -sc_threshold 0 -pix_fmt yuv420p)

# Cuts an input into a VOD playlist of 2-second MPEG-TS segments under hls/NAME. The segment files
# end in .mpegts, because TypeScript and ESLint would take .ts files for source code. The server
# still names them N.ts in its playlists.
hls_ts() {
	local name=$1
	shift
	rm -rf "${out:?}/hls/$name"
	mkdir -p "$out/hls/$name"
	run "$@" -f hls -hls_time 2 -hls_playlist_type vod -hls_list_size 0 \
		-hls_segment_filename "$out/hls/$name/seg%02d.mpegts" "$out/hls/$name/index.m3u8"
}

# HEVC (hvc1) + AAC in MP4: Chromium plays the sound but decodes no picture.
run -f lavfi -i "color=c=0x203050:size=320x180:rate=25:duration=$seconds" \
	-f lavfi -i "sine=frequency=330:beep_factor=4:sample_rate=44100:duration=$seconds" \
	-vf "$(overlay 'Night Drive (HEVC)')" \
	-c:v libx265 -preset medium -crf 34 -tag:v hvc1 -pix_fmt yuv420p \
	-x265-params log-level=error:keyint=50 \
	-c:a aac -b:a 48k -ac 2 -movflags +faststart -shortest \
	"$out/night-drive.mp4"

# H.264 + DTS in Matroska. DTS is mono at 8 kHz, the smallest the encoder writes.
run -f lavfi -i "color=c=0x503020:size=320x180:rate=25:duration=$seconds" \
	-f lavfi -i "sine=frequency=550:beep_factor=4:sample_rate=8000:duration=$seconds" \
	-vf "$(overlay 'Harbour Lights (DTS)')" "${h264[@]}" \
	-c:a dca -strict -2 -ac 1 -ar 8000 -b:a 32k -shortest \
	"$out/harbour-lights.mkv"

# H.264 + two AAC streams: English beeps at 440 Hz, French plays a steady 880 Hz tone.
run -f lavfi -i "color=c=0x205030:size=320x180:rate=25:duration=$seconds" \
	-f lavfi -i "sine=frequency=440:beep_factor=4:sample_rate=44100:duration=$seconds" \
	-f lavfi -i "sine=frequency=880:sample_rate=44100:duration=$seconds" \
	-map 0:v -map 1:a -map 2:a -vf "$(overlay 'Two Voices')" "${h264[@]}" \
	-c:a aac -b:a 40k -ac 1 \
	-metadata:s:a:0 language=eng -metadata:s:a:0 title=English \
	-metadata:s:a:1 language=fra -metadata:s:a:1 title=Français \
	-movflags +faststart -shortest \
	"$out/two-voices.mp4"

# The transcode of the HEVC item: the same picture as H.264, in MPEG-TS segments.
hls_ts night-drive \
	-f lavfi -i "color=c=0x203050:size=320x180:rate=25:duration=$seconds" \
	-f lavfi -i "sine=frequency=330:beep_factor=4:sample_rate=44100:duration=$seconds" \
	-vf "$(overlay 'Night Drive (H.264)')" "${h264[@]}" -c:a aac -b:a 40k -ac 1 -shortest

# The transcode of the DTS item: video copied, DTS turned into AAC, in fragmented MP4 segments.
rm -rf "$out/hls/harbour-lights"
mkdir -p "$out/hls/harbour-lights"
run -i "$out/harbour-lights.mkv" -c:v copy -c:a aac -b:a 40k -ac 1 -ar 44100 \
	-f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 \
	-hls_fmp4_init_filename init.mp4 -hls_segment_filename "$out/hls/harbour-lights/seg%02d.m4s" \
	"$out/hls/harbour-lights/index.m3u8"

# Two Voices with the French stream: a remux, both streams copied.
hls_ts two-voices-fra -i "$out/two-voices.mp4" -map 0:v -map 0:a:1 -c copy

# Two Voices with the PGS subtitle burned into the picture, with each audio stream.
hls_ts two-voices-eng-burned -i "$out/two-voices.mp4" -map 0:v -map 0:a:0 \
	-vf "$burned_subtitle" "${h264[@]}" -c:a copy
hls_ts two-voices-fra-burned -i "$out/two-voices.mp4" -map 0:v -map 0:a:1 \
	-vf "$burned_subtitle" "${h264[@]}" -c:a copy

du -ab "$out"/night-drive.mp4 "$out"/harbour-lights.mkv "$out"/two-voices.mp4 "$out"/hls
