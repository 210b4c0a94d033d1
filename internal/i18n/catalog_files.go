package i18n

// Messages of the files a record carries (photos, receipts), and of
// amounts of money typed in any programme's forms.
func init() {
	Register(map[string][2]string{
		"money.format":    {"金额格式如 5000 或 5,000.50（元，最多两位小数，不超过 1 亿元）。", "Enter an amount in yuan such as 5000 or 5,000.50 (at most two decimals, at most 100 million)."},
		"file.empty":      {"文件“{name}”是空的。", "The file “{name}” is empty."},
		"file.too_large":  {"文件“{name}”超过 {max_mb} MB。", "The file “{name}” is larger than {max_mb} MB."},
		"file.type":       {"文件“{name}”不是照片（JPEG、PNG）或 PDF。", "The file “{name}” is not a photo (JPEG, PNG) or a PDF."},
		"file.unreadable": {"文件“{name}”无法读取，可能已损坏。", "The file “{name}” cannot be read; it may be damaged."},
		"file.pixels":     {"照片“{name}”有 {mp} 百万像素，最多 {max_mp} 百万像素。", "The photo “{name}” has {mp} megapixels; at most {max_mp}."},
		"file.too_many":   {"一次最多 {max} 个文件，选了 {n} 个。", "At most {max} files at once; {n} were chosen."},
	})
}
