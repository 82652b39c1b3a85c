//! The parts of the timeline around the pod's own marks: the incarnation bands behind them and
//! the node lane under the axis, drawn from the engine's layout like the marks.

use super::i18n::{counted, fill, Msg};
use super::model::MarkFacts;
use super::state::State;
use super::timeline::{mark_choice, row_class};
use crate::timeline::{Layout, NodeLane, NodeMark};
use leptos::prelude::*;

/// Draws one shaded band per run of marks of one incarnation, with its number and UID.
#[component]
pub fn BandLayer(layout: Layout) -> impl IntoView {
    let bands = layout
        .bands
        .into_iter()
        .map(|band| {
            view! {
                <g class="band" data-testid="incarnation-band" data-uid=band.uid.clone()>
                    <title>{band.uid.clone()}</title>
                    <rect
                        class=format!("band-{}", band.incarnation % 2)
                        x=band.x
                        y=band.y
                        width=band.width
                        height=band.height
                    />
                    <text class="band-label" x=band.label_x y=band.label_y>
                        {band.label}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! { <g class="band-layer">{bands}</g> }
}

/// Draws the node lane: its line, its title, and one diamond per node second with its text.
#[component]
pub fn NodeLaneLayer(state: State, lane: NodeLane, facts: Vec<MarkFacts>) -> impl IntoView {
    let y = lane.y;
    let marks = lane
        .marks
        .into_iter()
        .zip(facts)
        .map(|(mark, facts)| view! { <NodeMarkView state=state node=mark facts=facts lane_y=y /> })
        .collect_view();
    view! {
        <g class="node-lane" data-testid="node-lane">
            <line class="lane" x1=lane.start_x y1=y x2=lane.end_x y2=y />
            <text class="lane-title" x=lane.title_x y=lane.title_y>
                {lane.title}
            </text>
            {marks}
        </g>
    }
}

#[component]
fn NodeMarkView(state: State, node: NodeMark, facts: MarkFacts, lane_y: f64) -> impl IntoView {
    let MarkFacts { iso, count } = facts;
    let diamond = node.diamond(lane_y);
    let NodeMark { mark, labelled } = node;
    let (open, choose, on_key) = mark_choice(state, &iso);
    let label = {
        let time = mark.time_label.clone();
        move || {
            let lang = state.lang.get();
            let events = counted(count, Msg::EventsOne, Msg::EventsMany, lang);
            fill(
                Msg::NodeMarkAria,
                lang,
                &[
                    ("time", &time),
                    ("level", mark.level.label(lang)),
                    ("events", &events),
                ],
            )
        }
    };
    let tooltip = format!("{} {}", mark.time_label, mark.lines.join(", "));
    let text = labelled.then(|| {
        mark.text_rows()
            .into_iter()
            .map(|row| {
                view! {
                    <text class=row_class(row.kind) x=mark.text_x y=row.y text-anchor=mark.anchor.svg()>
                        {row.text.to_string()}
                    </text>
                }
            })
            .collect_view()
    });
    view! {
        <g
            class=format!("node-mark level-{}", mark.level.name())
            class:open=open
            data-testid="node-mark"
            data-second=iso
            data-level=mark.level.name()
            data-count=count
            tabindex="0"
            role="button"
            aria-label=label
            on:click=move |_| choose()
            on:keydown=on_key
        >
            <title>{tooltip}</title>
            {labelled.then(|| view! { <line class="stem" x1=mark.x y1=lane_y x2=mark.x y2=mark.stem_y /> })}
            <circle class="hit" cx=mark.x cy=lane_y r=mark.radius * 2.0 />
            <path class="dot" d=diamond fill=mark.colour />
            <g class="mark-text" aria-hidden="true">{text}</g>
        </g>
    }
}
