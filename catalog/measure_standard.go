package catalog

import (
	"slices"

	"github.com/pimkit/pimkit/contract"
)

// stdUnit is one row of the standard unit table: an amount v in the unit
// is (v x factor + offset) / divisor in the family's standard unit; ""
// is 1 for factor and divisor, 0 for offset.
type stdUnit struct {
	code, symbol, factor, offset, divisor string
}

type stdFamily struct {
	code, standard string
	units          []stdUnit
}

// standardFamilies are Akeneo's 18 standard measurement families with its
// unit codes and symbols, their factors checked against the SI Brochure
// (9th edition, 2019), NIST SP 811 (2008) Appendix B and NIST Handbook 44
// Appendix C. Where Akeneo's factor is wrong the row says so; the package
// documentation lists the differences.
var standardFamilies = []stdFamily{
	{"Area", "SQUARE_METER", []stdUnit{
		{"SQUARE_MILLIMETER", "mm²", "0.000001", "", ""},
		{"SQUARE_CENTIMETER", "cm²", "0.0001", "", ""},
		{"SQUARE_DECIMETER", "dm²", "0.01", "", ""},
		{"SQUARE_METER", "m²", "1", "", ""},
		{"CENTIARE", "ca", "1", "", ""},
		{"SQUARE_DEKAMETER", "dam²", "100", "", ""},
		{"ARE", "a", "100", "", ""},
		{"SQUARE_HECTOMETER", "hm²", "10000", "", ""},
		{"HECTARE", "ha", "10000", "", ""},
		{"SQUARE_KILOMETER", "km²", "1000000", "", ""},
		{"SQUARE_MIL", "sq mil", "0.00000000064516", "", ""}, // (0.0000254 m)²
		{"SQUARE_INCH", "in²", "0.00064516", "", ""},         // (0.0254 m)²
		{"SQUARE_FOOT", "ft²", "0.09290304", "", ""},         // (0.3048 m)²
		{"SQUARE_YARD", "yd²", "0.83612736", "", ""},         // (0.9144 m)²
		{"ARPENT", "arpent", "3418.89", "", ""},              // Quebec arpent; no SI or NIST definition, Akeneo's value
		{"ACRE", "A", "4046.8564224", "", ""},                // 43,560 ft²; Akeneo cuts it to 4046.856422
		{"SQUARE_FURLONG", "fur²", "40468.564224", "", ""},   // (201.168 m)²; Akeneo 40468.726 is the US survey furlong
		{"SQUARE_MILE", "mi²", "2589988.110336", "", ""},     // (1609.344 m)²
	}},
	{"Binary", "BYTE", []stdUnit{
		{"BIT", "b", "0.125", "", ""},
		{"BYTE", "B", "1", "", ""},
		{"KILOBYTE", "kB", "1024", "", ""}, // binary multiples, as Akeneo (IEC 80000-13 would name them kibibyte...)
		{"MEGABYTE", "MB", "1048576", "", ""},
		{"GIGABYTE", "GB", "1073741824", "", ""},
		{"TERABYTE", "TB", "1099511627776", "", ""},
	}},
	{"Decibel", "DECIBEL", []stdUnit{{"DECIBEL", "dB", "1", "", ""}}},
	{"Frequency", "HERTZ", []stdUnit{
		{"HERTZ", "Hz", "1", "", ""},
		{"KILOHERTZ", "kHz", "1000", "", ""},
		{"MEGAHERTZ", "MHz", "1000000", "", ""},
		{"GIGAHERTZ", "GHz", "1000000000", "", ""},
		{"TERAHERTZ", "THz", "1000000000000", "", ""},
	}},
	{"Length", "METER", []stdUnit{
		{"MILLIMETER", "mm", "0.001", "", ""},
		{"CENTIMETER", "cm", "0.01", "", ""},
		{"DECIMETER", "dm", "0.1", "", ""},
		{"METER", "m", "1", "", ""},
		{"DEKAMETER", "dam", "10", "", ""},
		{"HECTOMETER", "hm", "100", "", ""},
		{"KILOMETER", "km", "1000", "", ""},
		{"MIL", "mil", "0.0000254", "", ""},
		{"INCH", "in", "0.0254", "", ""},
		{"FEET", "ft", "0.3048", "", ""},
		{"YARD", "yd", "0.9144", "", ""},
		{"CHAIN", "ch", "20.1168", "", ""},
		{"FURLONG", "fur", "201.168", "", ""},
		{"MILE", "mi", "1609.344", "", ""},
	}},
	{"Power", "WATT", []stdUnit{
		{"WATT", "W", "1", "", ""},
		{"KILOWATT", "kW", "1000", "", ""},
		{"MEGAWATT", "MW", "1000000", "", ""},
		{"GIGAWATT", "GW", "1000000000", "", ""},
		{"TERAWATT", "TW", "1000000000000", "", ""},
	}},
	{"Voltage", "VOLT", []stdUnit{
		{"MILLIVOLT", "mV", "0.001", "", ""},
		{"CENTIVOLT", "cV", "0.01", "", ""},
		{"DECIVOLT", "dV", "0.1", "", ""},
		{"VOLT", "V", "1", "", ""},
		{"DEKAVOLT", "daV", "10", "", ""},
		{"HECTOVOLT", "hV", "100", "", ""},
		{"KILOVOLT", "kV", "1000", "", ""},
	}},
	{"Intensity", "AMPERE", []stdUnit{
		{"MILLIAMPERE", "mA", "0.001", "", ""},
		{"CENTIAMPERE", "cA", "0.01", "", ""},
		{"DECIAMPERE", "dA", "0.1", "", ""},
		{"AMPERE", "A", "1", "", ""},
		{"DEKAMPERE", "daA", "10", "", ""},
		{"HECTOAMPERE", "hA", "100", "", ""},
		{"KILOAMPERE", "kA", "1000", "", ""},
	}},
	{"Resistance", "OHM", []stdUnit{
		{"MILLIOHM", "mΩ", "0.001", "", ""},
		{"CENTIOHM", "cΩ", "0.01", "", ""},
		{"DECIOHM", "dΩ", "0.1", "", ""},
		{"OHM", "Ω", "1", "", ""},
		{"DEKAOHM", "daΩ", "10", "", ""},
		{"HECTOHM", "hΩ", "100", "", ""},
		{"KILOHM", "kΩ", "1000", "", ""},
		{"MEGOHM", "MΩ", "1000000", "", ""},
	}},
	{"Speed", "METER_PER_SECOND", []stdUnit{
		{"METER_PER_SECOND", "m/s", "1", "", ""},
		{"METER_PER_MINUTE", "m/mn", "1", "", "60"},
		{"METER_PER_HOUR", "m/h", "1", "", "3600"},
		{"KILOMETER_PER_HOUR", "km/h", "1000", "", "3600"},
		{"FOOT_PER_SECOND", "ft/s", "0.3048", "", ""},
		{"FOOT_PER_HOUR", "ft/h", "0.3048", "", "3600"},
		{"YARD_PER_HOUR", "yd/h", "0.9144", "", "3600"},
		{"MILE_PER_HOUR", "mi/h", "1609.344", "", "3600"},
	}},
	{"ElectricCharge", "AMPEREHOUR", []stdUnit{ // 1 Ah = 3600 C (SI Brochure table 8: 1 h = 3600 s; C = A s)
		{"MILLIAMPEREHOUR", "mAh", "0.001", "", ""},
		{"AMPEREHOUR", "Ah", "1", "", ""},
		{"MILLICOULOMB", "mC", "0.001", "", "3600"},
		{"CENTICOULOMB", "cC", "0.01", "", "3600"},
		{"DECICOULOMB", "dC", "0.1", "", "3600"},
		{"COULOMB", "C", "1", "", "3600"},
		{"DEKACOULOMB", "daC", "10", "", "3600"},
		{"HECTOCOULOMB", "hC", "100", "", "3600"},
		{"KILOCOULOMB", "kC", "1000", "", "3600"},
	}},
	{"Duration", "SECOND", []stdUnit{
		{"MILLISECOND", "ms", "0.001", "", ""},
		{"SECOND", "s", "1", "", ""},
		{"MINUTE", "m", "60", "", ""},
		{"HOUR", "h", "3600", "", ""},
		{"DAY", "d", "86400", "", ""},
		{"WEEK", "week", "604800", "", ""},
		{"MONTH", "month", "2628000", "", ""}, // a twelfth of YEAR; Akeneo's 18748800 s is 217 days
		{"YEAR", "year", "31536000", "", ""},  // 365 days, NIST SP 811 B.8 "year (365 days)"
	}},
	{"Temperature", "KELVIN", []stdUnit{
		{"CELSIUS", "°C", "1", "273.15", ""},
		{"FAHRENHEIT", "°F", "5", "2298.35", "9"}, // K = (F + 459.67) x 5/9
		{"KELVIN", "°K", "1", "", ""},
		{"RANKINE", "°R", "5", "", "9"},
		{"REAUMUR", "°r", "1.25", "273.15", ""},
	}},
	{"Volume", "CUBIC_METER", []stdUnit{
		{"CUBIC_MILLIMETER", "mm³", "0.000000001", "", ""},
		{"CUBIC_CENTIMETER", "cm³", "0.000001", "", ""},
		{"MILLILITER", "ml", "0.000001", "", ""},
		{"CENTILITER", "cl", "0.00001", "", ""},
		{"DECILITER", "dl", "0.0001", "", ""},
		{"CUBIC_DECIMETER", "dm³", "0.001", "", ""},
		{"LITER", "l", "0.001", "", ""},
		{"CUBIC_METER", "m³", "1", "", ""},
		{"OUNCE", "oz", "0.0000284130625", "", ""},      // imperial fluid ounce, gallon/160
		{"PINT", "pt", "0.00056826125", "", ""},         // imperial pint, gallon/8
		{"BARREL", "bbl", "0.16365924", "", ""},         // 36 imperial gallons
		{"GALLON", "gal", "0.00454609", "", ""},         // imperial gallon
		{"CUBIC_FOOT", "ft³", "0.028316846592", "", ""}, // (0.3048 m)³; Akeneo 6.54119159/231 is off
		{"CUBIC_INCH", "in³", "0.000016387064", "", ""}, // (0.0254 m)³; Akeneo 0.0037854118/231 is off
		{"CUBIC_YARD", "yd³", "0.764554857984", "", ""}, // (0.9144 m)³; Akeneo 0.764554861 is off
	}},
	{"Weight", "KILOGRAM", []stdUnit{
		{"MILLIGRAM", "mg", "0.000001", "", ""},
		{"GRAM", "g", "0.001", "", ""},
		{"KILOGRAM", "kg", "1", "", ""},
		{"TON", "t", "1000", "", ""},
		{"GRAIN", "gr", "0.00006479891", "", ""},
		{"DENIER", "denier", "0.001275", "", ""}, // no mass unit (g per 9 km of yarn); Akeneo's value kept
		{"ONCE", "once", "0.03059", "", ""},      // old French units: Akeneo's values kept
		{"MARC", "marc", "0.24475", "", ""},
		{"LIVRE", "livre", "0.4895", "", ""},
		{"OUNCE", "oz", "0.028349523125", "", ""}, // avoirdupois, pound/16
		{"POUND", "lb", "0.45359237", "", ""},
	}},
	{"Pressure", "BAR", []stdUnit{
		{"BAR", "Bar", "1", "", ""},
		{"PASCAL", "Pa", "0.00001", "", ""},
		{"HECTOPASCAL", "hPa", "0.001", "", ""},
		{"MILLIBAR", "mBar", "0.001", "", ""},
		{"ATM", "atm", "1.01325", "", ""},                        // 101325 Pa; Akeneo has the inverse
		{"PSI", "PSI", "0.000044482216152605", "", "0.00064516"}, // lbf/in² = 4.4482216152605 N / 0.00064516 m²; Akeneo has the inverse
		{"TORR", "Torr", "1.01325", "", "760"},                   // atm/760; Akeneo has the inverse
		{"MMHG", "mmHg", "0.00133322387415", "", ""},             // conventional mmHg, 133.322387415 Pa; Akeneo has the inverse
	}},
	{"Energy", "JOULE", []stdUnit{
		{"JOULE", "J", "1", "", ""},
		{"CALORIE", "cal", "4.184", "", ""}, // thermochemical calorie
		{"KILOCALORIE", "kcal", "4184", "", ""},
		{"KILOJOULE", "kJ", "1000", "", ""},
	}},
	{"CaseBox", "PIECE", []stdUnit{
		{"PIECE", "Pc", "1", "", ""},
		{"DOZEN", "Dz", "12", "", ""},
	}},
}

func (s stdFamily) family() UnitFamily {
	f := UnitFamily{Code: s.code, Standard: s.standard, Units: make([]Unit, len(s.units))}
	dec := func(t, def string) contract.Decimal {
		if t == "" {
			t = def
		}
		return contract.MustDec(t)
	}
	for i, u := range s.units {
		f.Units[i] = Unit{Code: u.code, Symbol: u.symbol, Factor: dec(u.factor, "1"), Offset: dec(u.offset, "0"), Divisor: dec(u.divisor, "1")}
	}
	return f
}

// MeasurementFamilies returns Akeneo's 18 standard measurement families
// (Area, Binary, Decibel, Frequency, Length, Power, Voltage, Intensity,
// Resistance, Speed, ElectricCharge, Duration, Temperature, Volume,
// Weight, Pressure, Energy, CaseBox) with Akeneo's family and unit codes
// and symbols and factors that follow the SI and NIST definitions; the
// package documentation lists where they differ from Akeneo's. Each call
// returns new values the caller may change.
func MeasurementFamilies() []UnitFamily {
	out := make([]UnitFamily, len(standardFamilies))
	for i, s := range standardFamilies {
		out[i] = s.family()
	}
	return out
}

// MeasurementFamily returns the standard family with code ("Weight");
// ok is false for other codes.
func MeasurementFamily(code string) (f UnitFamily, ok bool) {
	i := slices.IndexFunc(standardFamilies, func(s stdFamily) bool { return s.code == code })
	if i < 0 {
		return UnitFamily{}, false
	}
	return standardFamilies[i].family(), true
}
