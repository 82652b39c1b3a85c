//! The range of marks the timeline shows. The range slider's value 0 shows the whole lifecycle;
//! value `k` shows [`WINDOW_MARKS`] marks starting at mark `k - 1`.

/// How many marks a window shows when it does not show the whole lifecycle.
pub const WINDOW_MARKS: usize = 20;

/// A run of consecutive marks: `start..start + len` of the lifecycle's seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub len: usize,
}

impl Window {
    /// Returns the whole lifecycle of `total` seconds.
    pub fn all(total: usize) -> Window {
        Window {
            start: 0,
            len: total,
        }
    }

    /// Returns the largest slider value for `total` seconds: 0 when the whole lifecycle fits in one
    /// window, so the slider has nothing to move.
    pub fn slider_max(total: usize) -> usize {
        Window::slider_max_sized(total, WINDOW_MARKS)
    }

    /// Returns the window for a slider value; values past the end are clamped.
    pub fn from_slider(value: usize, total: usize) -> Window {
        Window::from_slider_sized(value, total, WINDOW_MARKS)
    }

    /// Returns the largest slider value when a window shows `size` marks.
    pub fn slider_max_sized(total: usize, size: usize) -> usize {
        let size = size.max(1);
        if total <= size {
            0
        } else {
            total - size + 1
        }
    }

    /// Returns the window of `size` marks for a slider value; values past the end are clamped.
    pub fn from_slider_sized(value: usize, total: usize, size: usize) -> Window {
        let size = size.max(1);
        if value == 0 || total <= size {
            return Window::all(total);
        }
        let start = (value - 1).min(total - size);
        Window { start, len: size }
    }

    pub fn end(&self) -> usize {
        self.start + self.len
    }

    pub fn is_whole(&self, total: usize) -> bool {
        self.start == 0 && self.len >= total
    }

    /// Returns the slider value that shows this window when windows are `self.len` marks long:
    /// 0 for the whole lifecycle, else the first mark plus one.
    pub fn slider_value(&self, total: usize) -> usize {
        if self.is_whole(total) {
            0
        } else {
            self.start + 1
        }
    }

    /// Returns a window of `len` marks (at least 1, at most `total`) that keeps the mark at
    /// `anchor` where it was. The `anchor` is a fraction of this window's width, from 0.0 at its
    /// left edge to 1.0 at its right edge. The window stays inside the lifecycle.
    pub fn zoomed(&self, total: usize, len: usize, anchor: f64) -> Window {
        let len = len.clamp(1, total.max(1));
        if len >= total {
            return Window::all(total);
        }
        let anchor = anchor.clamp(0.0, 1.0);
        let focus = self.start as f64 + anchor * self.len as f64;
        let start = (focus - anchor * len as f64).round().max(0.0) as usize;
        Window {
            start: start.min(total - len),
            len,
        }
    }

    /// Returns the window moved by `step` marks, to the right when positive, kept inside the
    /// lifecycle of `total` marks.
    pub fn panned(&self, total: usize, step: isize) -> Window {
        let last_start = total.saturating_sub(self.len);
        let start = self.start.saturating_add_signed(step).min(last_start);
        Window {
            start,
            len: self.len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_slider_zero_is_whole() {
        assert_eq!(Window::from_slider(0, 100), Window::all(100));
    }

    #[test]
    fn window_slider_moves_and_clamps() {
        assert_eq!(Window::slider_max(100), 81);
        assert_eq!(Window::from_slider(1, 100), Window { start: 0, len: 20 });
        assert_eq!(Window::from_slider(81, 100), Window { start: 80, len: 20 });
        assert_eq!(Window::from_slider(500, 100), Window { start: 80, len: 20 });
    }

    #[test]
    fn window_sized_for_narrow_screen() {
        assert_eq!(Window::slider_max_sized(100, 12), 89);
        assert_eq!(
            Window::from_slider_sized(89, 100, 12),
            Window { start: 88, len: 12 }
        );
    }

    #[test]
    fn window_zoom_keeps_anchor() {
        let wide = Window {
            start: 100,
            len: 400,
        };
        let narrow = wide.zoomed(1000, 100, 0.5);
        assert_eq!(
            narrow,
            Window {
                start: 250,
                len: 100
            },
            "the centre stays the centre"
        );
        let left = wide.zoomed(1000, 100, 0.0);
        assert_eq!(left.start, 100, "the left edge stays the left edge");
        let right = wide.zoomed(1000, 100, 1.0);
        assert_eq!(right.end(), 500, "the right edge stays the right edge");
    }

    #[test]
    fn window_zoom_stays_inside() {
        let near_end = Window {
            start: 900,
            len: 100,
        };
        assert_eq!(
            near_end.zoomed(1000, 300, 0.9),
            Window {
                start: 700,
                len: 300
            }
        );
        let near_start = Window {
            start: 10,
            len: 100,
        };
        assert_eq!(near_start.zoomed(1000, 300, 0.1).start, 0);
        assert_eq!(near_start.zoomed(1000, 5000, 0.5), Window::all(1000));
        assert_eq!(near_start.zoomed(1000, 0, 0.5).len, 1);
    }

    #[test]
    fn window_pans_and_stops_at_ends() {
        let window = Window { start: 10, len: 20 };
        assert_eq!(window.panned(100, 5).start, 15);
        assert_eq!(window.panned(100, -50).start, 0);
        assert_eq!(window.panned(100, 500).start, 80);
    }

    #[test]
    fn window_slider_value_round_trips() {
        let window = Window { start: 41, len: 20 };
        let value = window.slider_value(100);
        assert_eq!(value, 42);
        assert_eq!(Window::from_slider_sized(value, 100, 20), window);
        assert_eq!(Window::all(100).slider_value(100), 0);
    }

    #[test]
    fn window_short_lifecycle_has_no_slider() {
        assert_eq!(Window::slider_max(5), 0);
        assert_eq!(Window::from_slider(3, 5), Window::all(5));
    }
}
