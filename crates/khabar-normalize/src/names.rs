//! The names of the profiles and of the rules, as accepted by
//! [`Profile::from_name`](crate::Profile::from_name) and
//! [`Rules::set`](crate::Rules::set). They live apart so that the error
//! messages can list them without the error module depending on the rules
//! (which return its errors).

/// The profile names.
pub(crate) const PROFILES: &[&str] = &["display", "search"];

/// The rule names, in the order of the fields of [`Rules`](crate::Rules).
pub(crate) const RULES: &[&str] = &[
    "nfc",
    "remove_tatweel",
    "remove_controls",
    "unify_whitespace",
    "decompose_presentation_forms",
    "remove_zwnj",
    "remove_diacritics",
    "fold_alef",
    "fold_alef_maqsura",
    "fold_teh_marbuta",
    "fold_hamza_carriers",
    "fold_persian_letters",
    "fold_digits",
    "fold_punctuation",
    "fold_case",
];
