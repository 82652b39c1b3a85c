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
    fn window_short_lifecycle_has_no_slider() {
        assert_eq!(Window::slider_max(5), 0);
        assert_eq!(Window::from_slider(3, 5), Window::all(5));
    }
}
