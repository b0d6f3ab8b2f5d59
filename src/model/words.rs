//! Small helpers for words and numbers in sentences and searches.

/// `1234567` as "1,234,567": counts of people, rows and records read at a glance.
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `part` of `whole` as a percentage rounded to the nearest (halves up): 3 of 7 is 43, not
/// 42. `None` when `whole` is 0.
pub fn percent(part: usize, whole: usize) -> Option<usize> {
    (part * 200 + whole).checked_div(whole * 2)
}

/// `text` for matching a search: lowercased, with the accents of Latin letters taken off, so
/// that "ines" finds "Inês" and "Muller" finds "Müller". Letters without a plain form, and
/// other scripts, stay as they are (lowercased).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'ĉ' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ğ' | 'ģ' => out.push('g'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ķ' => out.push('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ł' => out.push('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ŕ' | 'ř' => out.push('r'),
            'ś' | 'ş' | 'š' | 'ș' => out.push('s'),
            'ţ' | 'ť' | 'ț' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{fold, group_digits, percent};

    #[test]
    fn percent_rounds_to_the_nearest() {
        assert_eq!(percent(3, 7), Some(43));
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(5, 6), Some(83));
        assert_eq!(percent(0, 5), Some(0));
        assert_eq!(percent(4, 4), Some(100));
        assert_eq!(percent(1, 0), None);
    }

    #[test]
    fn fold_lowercases_and_takes_accents_off() {
        assert_eq!(fold("Inês Carvalho"), "ines carvalho");
        assert_eq!(fold("Zoë Müller-Łukasz, Straße"), "zoe muller-lukasz, strasse");
        assert_eq!(fold("ÆSOP Œuvre"), "aesop oeuvre");
        assert_eq!(fold("Ωmega 東京"), "ωmega 東京");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn groups_thousands_with_commas() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (17500, "17,500"),
            (1234567, "1,234,567"),
        ];
        for (n, text) in cases {
            assert_eq!(group_digits(n), text, "{n}");
        }
    }
}
