//! A small seedable generator (SplitMix64), so the output does not depend on a crate's version.

/// SplitMix64 state.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Returns a number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        ((self.next() >> 32) * bound) >> 32
    }

    /// Returns one element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Appends `digits` lowercase hexadecimal digits.
    pub fn push_hex(&mut self, out: &mut Vec<u8>, digits: usize) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut bits = 0u64;
        for i in 0..digits {
            if i % 16 == 0 {
                bits = self.next();
            }
            out.push(HEX[(bits & 15) as usize]);
            bits >>= 4;
        }
    }

    /// Returns `digits` lowercase hexadecimal digits.
    pub fn hex(&mut self, digits: usize) -> String {
        let mut out = Vec::with_capacity(digits);
        self.push_hex(&mut out, digits);
        String::from_utf8(out).expect("hex digits are ASCII")
    }

    /// Returns a random version-4-shaped UUID.
    pub fn uuid(&mut self) -> String {
        format!(
            "{}-{}-4{}-a{}-{}",
            self.hex(8),
            self.hex(4),
            self.hex(3),
            self.hex(3),
            self.hex(12)
        )
    }
}
