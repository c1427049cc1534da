use khabar_normalize::*;
fn main() {
    for arg in std::env::args().skip(1) {
        for p in [Profile::Display, Profile::Search] {
            let n = Normalizer::for_profile(p).normalize_aligned(&arg).unwrap();
            println!("{:?} {:?} -> {:?}", p, arg, n.text());
            for (a, b) in n.char_spans() {
                print!("{:?}{:?} ", &n.text()[a], &arg.as_str()[b]);
            }
            println!();
        }
    }
}
