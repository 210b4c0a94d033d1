package finance

import "dangjian/internal/money"

// Fen is the village books' amounts: money in 分.
type Fen = money.Fen

// MaxFen bounds one amount (a hundred million 元).
const MaxFen = money.MaxFen
