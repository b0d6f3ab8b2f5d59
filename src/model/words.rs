//! Small helpers for numbers in sentences.

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

#[cfg(test)]
mod tests {
    use super::group_digits;

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
