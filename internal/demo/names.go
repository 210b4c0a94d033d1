package demo

// names deals out plausible, deterministic personal names so the demo
// town looks the same on every start.
type names struct{ n int }

var (
	surnames = []rune("李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
	given    = []rune("建国华明丽芳军平伟英秀兰玉梅志强勇杰涛斌超敏静燕霞红云刚波辉鹏飞桂珍春海山林玲娟琴凤洪德福祥安荣成光文武忠发贵")
)

// next returns a two- or three-character name.
func (g *names) next() string {
	i := g.n
	g.n++
	s := string(surnames[(i*7)%len(surnames)])
	s += string(given[(i*13)%len(given)])
	if i%3 != 0 {
		s += string(given[(i*17+5)%len(given)])
	}
	return s
}

// female tells whether the i-th name dealt is treated as a woman's, so
// residents' id numbers and names agree in the demo.
func female(i int) bool { return i%2 == 1 }
