package termview

import (
	"os"
	"runtime"
)

// systemFallbackFonts are fonts that most systems of each kind have and
// that cover what the bundled fonts lack (Chinese, Japanese and Korean
// above all). They are read only when a character needs them.
var systemFallbackFonts = map[string][]string{
	"linux": {
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	},
	"windows": {
		`C:\Windows\Fonts\msgothic.ttc`,
		`C:\Windows\Fonts\msyh.ttc`,
		`C:\Windows\Fonts\malgun.ttf`,
		`C:\Windows\Fonts\seguisym.ttf`,
	},
	"darwin": {
		"/System/Library/Fonts/PingFang.ttc",
		"/System/Library/Fonts/Hiragino Sans GB.ttc",
		"/Library/Fonts/Arial Unicode.ttf",
	},
}

// loadFallbackFonts reads those of systemFallbackFonts that exist here.
func loadFallbackFonts() [][]byte {
	var fonts [][]byte
	for _, path := range systemFallbackFonts[runtime.GOOS] {
		if data, err := os.ReadFile(path); err == nil {
			fonts = append(fonts, data)
		}
	}
	return fonts
}
