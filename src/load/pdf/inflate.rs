//! One stream's filters, decoded with a hard cap on the output.
//!
//! Only what the plan's path needs: no filter, `FlateDecode` (zlib, or raw deflate
//! as some writers emit), and the PNG predictors of xref and object streams.
//! The output never grows past the cap: the inflater writes into spare capacity
//! that is reserved in small steps up to the cap, so a decompression bomb stops
//! at the cap, not at the allocator.

use flate2::{Decompress, FlushDecompress, Status};

/// Why a stream could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// The output would exceed the cap.
    TooLarge,
    /// The compressed data ends before the end of the stream: the file is truncated.
    Truncated,
    /// The compressed data is invalid; the inflater's own text as detail.
    Corrupt(String),
}

/// Reservation step: memory grows with the data actually decoded, not with a claimed size.
const STEP: usize = 64 * 1024;

/// Inflates `input` (zlib, else raw deflate) into at most `cap` bytes; a stream that does
/// not reach its end marker is [`Failure::Truncated`], never a partial result.
pub fn inflate(input: &[u8], cap: usize) -> Result<Vec<u8>, Failure> {
    let zlib = input.len() >= 2 && input[0] & 0x0f == 8 && (u16::from(input[0]) << 8 | u16::from(input[1])) % 31 == 0;
    let mut d = Decompress::new(zlib);
    let mut out: Vec<u8> = Vec::new();
    loop {
        if out.len() == out.capacity() {
            if out.len() > cap {
                return Err(Failure::TooLarge);
            }
            // One byte past the cap tells "exactly the cap" from "more than the cap".
            out.reserve_exact(STEP.min(cap + 1 - out.len()));
        }
        let consumed = usize::try_from(d.total_in()).unwrap_or(usize::MAX);
        let rest = input.get(consumed..).unwrap_or_default();
        let produced = out.len();
        let status = d.decompress_vec(rest, &mut out, FlushDecompress::None).map_err(|e| Failure::Corrupt(e.to_string()))?;
        if out.len() > cap {
            return Err(Failure::TooLarge);
        }
        match status {
            Status::StreamEnd => return Ok(out),
            Status::Ok | Status::BufError => {
                let progress = out.len() > produced || usize::try_from(d.total_in()).unwrap_or(usize::MAX) > consumed;
                let input_left = usize::try_from(d.total_in()).unwrap_or(usize::MAX) < input.len();
                let room_left = out.len() < out.capacity();
                if !progress && (!input_left || room_left) {
                    return Err(Failure::Truncated);
                }
            }
        }
    }
}

/// Undoes a PNG predictor (`/Predictor` 10–15) over rows of `columns` samples of `colors`
/// components of `bits` bits; rows are rebuilt in place, so no second buffer is needed.
pub fn unpredict_png(data: &[u8], colors: usize, bits: usize, columns: usize) -> Result<Vec<u8>, Failure> {
    let bpp = (colors * bits).div_ceil(8).max(1);
    let row = (colors * bits * columns).div_ceil(8);
    if row == 0 || row > 1 << 20 {
        return Err(Failure::Corrupt(format!("row length {row}")));
    }
    let stride = row + 1;
    let mut out = Vec::with_capacity(data.len() / stride * row);
    let mut prev_start: Option<usize> = None;
    for chunk in data.chunks(stride) {
        let Some((&kind, raw)) = chunk.split_first() else { break };
        let start = out.len();
        for (i, &byte) in raw.iter().enumerate() {
            let left = if i >= bpp { out[start + i - bpp] } else { 0 };
            let up = prev_start.map_or(0, |p| out[p + i]);
            let up_left = if i >= bpp { prev_start.map_or(0, |p| out[p + i - bpp]) } else { 0 };
            let value = match kind {
                0 => byte,
                1 => byte.wrapping_add(left),
                2 => byte.wrapping_add(up),
                3 => byte.wrapping_add(u16::midpoint(u16::from(left), u16::from(up)) as u8),
                4 => byte.wrapping_add(paeth(left, up, up_left)),
                other => return Err(Failure::Corrupt(format!("PNG filter type {other}"))),
            };
            out.push(value);
        }
        // A short last row is padded as if its missing bytes were zero.
        out.resize(start + row, 0);
        prev_start = Some(start);
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::{Failure, inflate, unpredict_png};
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn round_trip_within_the_cap() {
        let data = b"schule:\n  name: Grundschule\n".repeat(100);
        assert_eq!(inflate(&zlib(&data), data.len()).unwrap(), data);
    }

    #[test]
    fn a_bomb_stops_at_the_cap() {
        let bomb = zlib(&vec![0u8; 50 << 20]);
        assert_eq!(inflate(&bomb, 1 << 20), Err(Failure::TooLarge));
    }

    #[test]
    fn a_truncated_stream_is_never_a_partial_result() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let packed = zlib(&data);
        for cut in [packed.len() - 1, packed.len() - 4, packed.len() / 2, 3] {
            assert_eq!(inflate(&packed[..cut], 1 << 20), Err(Failure::Truncated), "cut at {cut}");
        }
    }

    #[test]
    fn corrupt_data_is_reported_with_the_inflater_text() {
        let mut packed = zlib(b"abcdefghij");
        let n = packed.len();
        packed[n - 1] ^= 0xff;
        assert!(matches!(inflate(&packed, 100), Err(Failure::Corrupt(_))));
    }

    #[test]
    fn png_up_predictor() {
        let rows = [2u8, 1, 2, 3, 2, 1, 1, 1];
        assert_eq!(unpredict_png(&rows, 1, 8, 3).unwrap(), vec![1, 2, 3, 2, 3, 4]);
    }
}
