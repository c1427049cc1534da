//! Compile the name tables that `scripts/gazetteers/names.py` writes
//! (`words.tsv`, `phrases.tsv`) into the FSTs that `src/names.rs` embeds.
//! Run by `scripts/gazetteers/generate.sh`:
//!
//! ```text
//! cargo run --release --manifest-path scripts/gazetteers/build_names/Cargo.toml -- GEN_DIR crates/khabar-tag/data/names
//! ```
//!
//! `words.fst` maps a word to its membership bits (low 32 bits) and the two
//! ASCII letters of the country it is most often a name part of (bits 32–47,
//! 0 when none); `phrases.fst` maps words joined by one space to their kind
//! bits. Both inputs are sorted by bytes, as `fst` needs.

use std::error::Error;
use std::fs;
use std::io::BufWriter;
use std::path::Path;

fn build(
    input: &Path,
    output: &Path,
    value: impl Fn(&[&str]) -> Result<u64, Box<dyn Error>>,
) -> Result<usize, Box<dyn Error>> {
    let text = fs::read_to_string(input)?;
    let mut b = fst::MapBuilder::new(BufWriter::new(fs::File::create(output)?))?;
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return Err(format!("{}:{}: expected key and bits", input.display(), i + 1).into());
        }
        b.insert(cols[0], value(&cols)?)
            .map_err(|e| format!("{}:{}: {e}", input.display(), i + 1))?;
        n += 1;
    }
    b.finish()?;
    Ok(n)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, gen, out] = args.as_slice() else {
        return Err("usage: build_names GEN_DIR OUT_DIR".into());
    };
    let (gen, out) = (Path::new(gen), Path::new(out));
    fs::create_dir_all(out)?;
    let words = build(&gen.join("words.tsv"), &out.join("words.fst"), |cols| {
        let bits: u64 = cols[1].parse()?;
        let country = cols.get(2).copied().unwrap_or("");
        let c = match country.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                (u64::from(*a) << 32) | (u64::from(*b) << 40)
            }
            [] => 0,
            _ => return Err(format!("bad country {country:?}").into()),
        };
        Ok(bits | c)
    })?;
    let phrases = build(&gen.join("phrases.tsv"), &out.join("phrases.fst"), |cols| {
        Ok(cols[1].parse()?)
    })?;
    println!("{words} words, {phrases} phrases");
    Ok(())
}
