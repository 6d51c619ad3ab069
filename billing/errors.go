package billing

import (
	"errors"
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"golang.org/x/text/currency"
)

// Sentinel errors of package billing. Every error the package returns
// wraps one of them, so a host can branch with [errors.Is]. Input that
// breaks a rule is a [*contract.ValidationError] -- pimkit's one problem
// type -- that names every bad field by its JSON path and unwraps to
// [ErrInvalid] (and to [ErrCurrencyMismatch] when amounts mix currencies).
var (
	// ErrInvalid reports input that breaks a rule of its own shape: a
	// negative quantity, a due date before the issue date, an unknown VAT
	// treatment.
	ErrInvalid = errors.New("billing: invalid input")
	// ErrCurrencyMismatch reports amounts in different currencies that a
	// calculation would have to add together. It is
	// [contract.ErrCurrencyMismatch], so either name matches.
	ErrCurrencyMismatch = contract.ErrCurrencyMismatch
	// ErrNoRate reports a date for which the statutory rate table has no
	// rate: the table ends before it, or starts after it.
	ErrNoRate = errors.New("billing: no statutory rate for date")
	// ErrInsufficientCredits reports a debit that the credit balance
	// cannot cover on a plan that allows no overdraft.
	ErrInsufficientCredits = errors.New("billing: insufficient credits")
	// ErrDuplicateEvent reports a ledger entry whose host event ID is
	// already recorded with different content.
	ErrDuplicateEvent = errors.New("billing: duplicate event id with different content")
	// ErrSyntax reports text that is not an amount, rate or enum value.
	ErrSyntax = errors.New("billing: invalid syntax")
)

// ruleMixedCurrency is the rule of a problem whose amount is in another
// currency than the amounts it is added to.
const ruleMixedCurrency = "currency_mismatch"

// invalid returns the *contract.ValidationError of ps for op, unwrapping to
// ErrInvalid and, when a problem mixes currencies, ErrCurrencyMismatch; nil
// when ps holds no problem.
func invalid(ps *contract.Problems, op string) error {
	if ps.Len() == 0 {
		return nil
	}
	for _, p := range ps.List() {
		if p.Rule == ruleMixedCurrency {
			return ps.Err(op, ErrInvalid, ErrCurrencyMismatch)
		}
	}
	return ps.Err(op, ErrInvalid)
}

// problem returns a *contract.ValidationError with the one problem of path
// breaking rule with param.
func problem(op, path, rule, param string) error {
	var ps contract.Problems
	ps.Add(path, rule, param)
	return invalid(&ps, op)
}

// amountProblem returns the rule and parameter an amount a host handed in
// breaks, or "" when it breaks none: missing (the zero Money), in another
// currency than cur (unless cur is the zero Currency), not positive or
// negative as sign asks ([positive], [nonNegative], [anySign]), or with
// more decimals than its minor unit or beyond money.MaxMinor.
func amountProblem(m contract.Money, cur contract.Currency, sign int) (rule, param string) {
	switch _, ok := minor(m); {
	case m.IsZero():
		return "required", ""
	case m.Currency() == currency.Unit{}:
		return "currency", ""
	case !cur.IsZero() && m.Currency() != cur.Unit():
		return ruleMixedCurrency, cur.String()
	case sign == positive && !m.IsPositive():
		return "gt", "0"
	case sign == nonNegative && m.IsNegative():
		return "gte", "0"
	case !ok:
		return "scale", strconv.Itoa(int(money.Scale(m.Currency())))
	}
	return "", ""
}

// checkAmount records the problem of amount m at path, if any: see
// [amountProblem].
func checkAmount(ps *contract.Problems, path string, m contract.Money, cur contract.Currency, sign int) {
	if rule, param := amountProblem(m, cur, sign); rule != "" {
		ps.Add(path, rule, param)
	}
}
