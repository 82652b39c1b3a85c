//! The pod list's rows as one signal per position. A single effect copies each listed row into
//! the signal of its position, and sets only the signals whose row changed.
//!
//! Rows could read the shared list themselves, but then each of hundreds of rows subscribes to
//! the list, the language and the chosen pod, and every update subscribes them all again.
//! reactive_graph 0.2 keeps a source's subscribers in an `IndexSet` and removes one with
//! `shift_remove`, which is linear, so each update of a 700-pod list took 50 to 250 ms in
//! headless Chromium on a busy 2-CPU machine.

use super::model::PodRow;
use crate::i18n::Lang;
use leptos::prelude::*;
use std::time::Duration;

/// Rows added to the list per task. Drawing a row costs a fraction of a millisecond, so a
/// list of hundreds of pods is drawn over several tasks.
const ROWS_PER_TASK: usize = 60;

/// The pod shown by the row at one position.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub row: PodRow,
    pub lang: Lang,
    /// Whether the row's pod is the chosen one.
    pub chosen: bool,
}

/// The signals of the list's positions, and how many the list may draw.
#[derive(Clone, Copy)]
pub struct PodSlots {
    signals: StoredValue<Vec<RwSignal<Slot>>>,
    /// Positions whose signal contains a row of the current list.
    filled: ReadSignal<usize>,
    /// Positions drawn: `filled`, reached `ROWS_PER_TASK` rows per task.
    drawn: ReadSignal<usize>,
}

impl PodSlots {
    /// Follows `rows` in the language `lang`, with the pod `chosen` marked.
    pub fn follow(
        rows: Memo<Vec<PodRow>>,
        lang: RwSignal<Lang>,
        chosen: Memo<Option<String>>,
    ) -> PodSlots {
        let signals = StoredValue::new(Vec::<RwSignal<Slot>>::new());
        let (filled, set_filled) = signal(0usize);
        // The signals belong to the list, not to the effect, so they outlive its runs.
        let owner = Owner::current().expect("the pod list is created inside an owner");
        Effect::new(move |_| {
            let lang = lang.get();
            let count = chosen.with(|chosen| {
                rows.with(|rows| {
                    let slots = rows.iter().map(|row| Slot {
                        chosen: chosen.as_deref() == Some(row.key.as_str()),
                        row: row.clone(),
                        lang,
                    });
                    signals
                        .try_update_value(|signals| fill(signals, slots, &owner))
                        .unwrap_or(0)
                })
            });
            if filled.get_untracked() != count {
                set_filled.set(count);
            }
        });
        PodSlots {
            signals,
            filled,
            drawn: draw_in_steps(filled),
        }
    }

    /// Returns the positions to draw, from the first.
    pub fn drawn(&self) -> std::ops::Range<usize> {
        0..self.drawn.get().min(self.filled.get())
    }

    /// Returns the signal of `position`, one of [`PodSlots::drawn`].
    pub fn at(&self, position: usize) -> RwSignal<Slot> {
        self.signals.with_value(|signals| signals[position])
    }
}

/// Puts `slots` in the signals from the first, setting those that differ and adding signals
/// where there are too few. Returns how many were given.
fn fill(
    signals: &mut Vec<RwSignal<Slot>>,
    slots: impl Iterator<Item = Slot>,
    owner: &Owner,
) -> usize {
    let mut count = 0;
    for (position, slot) in slots.enumerate() {
        count += 1;
        match signals.get(position) {
            Some(signal) if signal.with_untracked(|known| known == &slot) => {}
            Some(signal) => signal.set(slot),
            None => signals.push(owner.with(|| RwSignal::new(slot))),
        }
    }
    count
}

/// Returns how many of the `filled` positions the list draws: all of them, reached
/// `ROWS_PER_TASK` rows per task when many more are filled than drawn.
fn draw_in_steps(filled: ReadSignal<usize>) -> ReadSignal<usize> {
    let (drawn, set_drawn) = signal(0usize);
    Effect::new(move |_| {
        let (target, now) = (filled.get(), drawn.get());
        let next = target.min(now + ROWS_PER_TASK);
        if next == now {
            return;
        }
        // Setting the count runs this effect again, which takes the next step.
        if now == 0 || next == target {
            set_drawn.set(next);
        } else {
            let step = move || set_drawn.set(next.min(filled.get_untracked()));
            set_timeout(step, Duration::ZERO);
        }
    });
    drawn
}
