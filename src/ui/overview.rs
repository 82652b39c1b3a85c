//! The overview of a long window: one bar per bucket of seconds, coloured by its highest level,
//! with time labels under the axis and the node's buckets in their lane. Clicking a bucket, or
//! pressing Enter or Space on it, zooms the window to its seconds.

use super::i18n::{counted, fill, Msg};
use super::state::State;
use super::window_model::{BucketFacts, TimelineModel};
use super::zoom;
use crate::timeline::{Bar, NodeBars, Overview};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Draws the overview of `model`, whose picture is `overview`.
#[component]
pub fn OverviewSvg(
    state: State,
    model: TimelineModel,
    overview: Overview,
    facts: Vec<BucketFacts>,
    node_facts: Vec<BucketFacts>,
) -> impl IntoView {
    let (width, height) = (overview.width, overview.height);
    let axis_y = overview.axis_y;
    let model = StoredValue::new(model);
    let bars = overview
        .bars
        .iter()
        .cloned()
        .zip(facts)
        .map(|(bar, facts)| view! { <BucketBar state=state model=model bar=bar facts=facts base_y=axis_y node=false /> })
        .collect_view();
    let ticks = overview
        .ticks
        .iter()
        .map(|tick| {
            let date = tick.date.clone().map(|date| {
                view! { <text class="date" x=tick.x y=axis_y + 30.0>{date}</text> }
            });
            view! {
                <text class="time" x=tick.x y=axis_y + 16.0>{tick.time.clone()}</text>
                {date}
            }
        })
        .collect_view();
    let lane = overview.node_lane.clone().map(|lane| {
        view! { <NodeBarsLayer state=state model=model lane=lane facts=node_facts overview=overview.clone() /> }
    });
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            class="timeline overview"
            data-testid="timeline"
            role="group"
            width=width
            height=height
            viewBox=format!("0 0 {width} {height}")
        >
            <line
                class="axis"
                x1=overview.axis_start_x
                y1=axis_y
                x2=overview.axis_end_x
                y2=axis_y
            />
            {bars}
            <g class="tick-layer" aria-hidden="true">{ticks}</g>
            {lane}
        </svg>
    }
}

#[component]
fn NodeBarsLayer(
    state: State,
    model: StoredValue<TimelineModel>,
    lane: NodeBars,
    facts: Vec<BucketFacts>,
    overview: Overview,
) -> impl IntoView {
    let y = lane.y;
    let bars = lane
        .bars
        .into_iter()
        .zip(facts)
        .map(|(bar, facts)| view! { <BucketBar state=state model=model bar=bar facts=facts base_y=y node=true /> })
        .collect_view();
    view! {
        <g class="node-lane" data-testid="node-lane">
            <line class="lane" x1=overview.axis_start_x y1=y x2=overview.axis_end_x y2=y />
            <text class="lane-title" x=overview.axis_start_x y=y - 8.0>
                {lane.title}
            </text>
            {bars}
        </g>
    }
}

/// Draws one bucket as a bar between the line at `base_y` and the bar's tip.
#[component]
fn BucketBar(
    state: State,
    model: StoredValue<TimelineModel>,
    bar: Bar,
    facts: BucketFacts,
    base_y: f64,
    node: bool,
) -> impl IntoView {
    let BucketFacts {
        start,
        end,
        zoom_to,
    } = facts;
    let (top, height) = if bar.tip_y < base_y {
        (bar.tip_y, base_y - bar.tip_y)
    } else {
        (base_y, bar.tip_y - base_y)
    };
    let count = bar.bucket.count;
    let level = bar.bucket.level;
    let label = {
        let (start, end) = (start.replace('T', " "), end.replace('T', " "));
        move || {
            let lang = state.lang.get();
            let events = counted(count, Msg::EventsOne, Msg::EventsMany, lang);
            let message = if node {
                Msg::NodeBucketAria
            } else {
                Msg::BucketAria
            };
            fill(
                message,
                lang,
                &[
                    ("start", &start),
                    ("end", &end),
                    ("level", level.label(lang)),
                    ("events", &events),
                ],
            )
        }
    };
    // The bucket is drawn anew by the zoom, so the focus moves to the timeline box, where the
    // arrow keys keep working.
    let zoom_in = move |ev: &web_sys::Event| {
        let boxed = timeline_box_of(ev);
        model.with_value(|model| zoom::show(state, model, zoom_to));
        if let Some(boxed) = boxed {
            let _ = boxed.focus();
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            zoom_in(&ev);
        }
    };
    let title = label.clone();
    view! {
        <g
            class=format!("bucket level-{}", level.name())
            data-testid=if node { "node-bucket" } else { "bucket-mark" }
            data-start=start
            data-end=end
            data-level=level.name()
            data-count=count
            tabindex="0"
            role="button"
            aria-label=label
            on:click=move |ev| zoom_in(&ev)
            on:keydown=on_key
        >
            <title>{title}</title>
            <rect class="bar" x=bar.x y=top width=bar.width height=height fill=bar.colour />
        </g>
    }
}

/// Returns the timeline box that contains the target element of an event.
fn timeline_box_of(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    let element = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let boxed = element.closest(".timeline-box").ok()??;
    boxed.dyn_into().ok()
}
