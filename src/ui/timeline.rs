//! The timeline panel: the SVG drawn layer by layer (incarnation bands, axis, marks, labels,
//! node lane) from the engine's layout, the zone of its times, the range slider that moves the
//! window, and the download buttons.

use super::download::ExportButtons;
use super::i18n::{counted, fill, grouped, Msg};
use super::lanes::{BandLayer, NodeLaneLayer};
use super::model::MarkFacts;
use super::overview::OverviewSvg;
use super::resize::SizeWatch;
use super::slider::Slider;
use super::state::State;
use super::window_model::{Picture, TimelineModel};
use super::zoom;
use crate::timeline::{zone_caption, Layout, Mark, RowKind};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn TimelinePanel(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
) -> impl IntoView {
    let boxed = NodeRef::<Div>::new();
    follow_width(state, boxed);
    zoom::follow_wheel(state, boxed, timeline);
    // Each pod starts at the smallest window size.
    Effect::new(move |_| {
        pod.track();
        state.zoom.set(0);
    });
    let on_key = move |ev: ev::KeyboardEvent| zoom_on_key(state, timeline, boxed, &ev);
    follow_zoom_keys(state, timeline, boxed);
    view! {
        <section class="panel timeline-panel">
            <TimelineHeading state=state pod=pod timeline=timeline />
            <Hint state=state timeline=timeline />
            <div
                class="timeline-box"
                node_ref=boxed
                data-testid="timeline-box"
                tabindex=move || timeline.with(Option::is_some).then_some("0")
                aria-label=move || Msg::ZoomKeys.text(state.lang.get())
                on:keydown=on_key
            >
                {move || match timeline.get() {
                    Some(model) => view! { <TimelineSvg state=state model=model /> }.into_any(),
                    None => view! { <Welcome state=state pod=pod /> }.into_any(),
                }}
            </div>
            <Slider state=state timeline=timeline />
        </section>
    }
}

/// Acts on a zoom key pressed over the timeline, and keeps the focus on the box, because the
/// marks are drawn anew and the focused one is gone.
fn zoom_on_key(
    state: State,
    timeline: Memo<Option<TimelineModel>>,
    boxed: NodeRef<Div>,
    ev: &ev::KeyboardEvent,
) {
    if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let handled = timeline.with_untracked(|model| {
        model
            .as_ref()
            .is_some_and(|model| zoom::on_key(state, model, &ev.key()))
    });
    if handled {
        ev.prevent_default();
        if let Some(element) = boxed.get_untracked() {
            let _ = element.focus();
        }
    }
}

/// Lets `+` and `-` zoom wherever the focus is, for example still on the pod just picked, unless
/// it is in a form field, which takes the keys as text or values. The arrows, Home and End act
/// only in the timeline box, because elsewhere they scroll the page or the pod list.
fn follow_zoom_keys(state: State, timeline: Memo<Option<TimelineModel>>, boxed: NodeRef<Div>) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        let in_box = boxed.get_untracked().is_some_and(|element| {
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            element.contains(target.as_ref())
        });
        if in_box || !zoom::is_zoom_key(&ev.key()) || in_form_field(&ev) {
            return;
        }
        zoom_on_key(state, timeline, boxed, &ev);
    });
    on_cleanup(move || handle.remove());
}

/// Returns whether the key went to a field that takes typing or arrow keys itself.
fn in_form_field(ev: &ev::KeyboardEvent) -> bool {
    let Some(element) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let tag = element.tag_name();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.is_content_editable()
}

/// The usage line above the picture: marks open their events and bars zoom in.
#[component]
fn Hint(state: State, timeline: Memo<Option<TimelineModel>>) -> impl IntoView {
    let text = move || {
        let message = timeline.with(|model| match model.as_ref().map(|m| &m.picture) {
            Some(Picture::Seconds { .. }) => Some(Msg::MarkHint),
            Some(Picture::Buckets { .. }) => Some(Msg::BucketHint),
            None => None,
        });
        message.map(|message| message.text(state.lang.get()))
    };
    view! {
        <p class="muted small hint" class:hidden=move || timeline.with(Option::is_none)>
            {text}
        </p>
    }
}

/// Keeps `state.width` at the inner width of the timeline box, whatever changes it.
fn follow_width(state: State, boxed: NodeRef<Div>) {
    let watch = StoredValue::new_local(None::<SizeWatch>);
    Effect::new(move |_| {
        let Some(element) = boxed.get() else {
            return;
        };
        let measured = element.clone();
        let measure = move || {
            let width = measured.client_width() as f64;
            if width > 0.0 && (width - state.width.get_untracked()).abs() >= 1.0 {
                state.width.set(width);
            }
        };
        watch.set_value(SizeWatch::new(&element, measure));
    });
    on_cleanup(move || {
        watch.try_update_value(|watch| *watch = None);
    });
}

#[component]
fn TimelineHeading(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
) -> impl IntoView {
    let lang = state.lang;
    let key = move || {
        let index = pod.get()?;
        state.analysis.with(|a| a.pods.get(index).map(|p| p.key()))
    };
    let title = move || key().map(|key| fill(Msg::LifecycleOf, lang.get(), &[("pod", &key)]));
    let summary = move || {
        timeline.with(|model| {
            model.as_ref().map(|m| {
                let (total, events) = (grouped(m.total as u64), grouped(m.events as u64));
                fill(
                    Msg::SecondsSummary,
                    lang.get(),
                    &[("total", &total), ("events", &events)],
                )
            })
        })
    };
    view! {
        <div class="panel-title timeline-title" class:hidden=move || pod.with(Option::is_none)>
            <div>
                <h2>{title}</h2>
                <p class="muted small">{summary}</p>
                <p class="muted small" data-testid="time-zone">
                    {move || state.analysis.with(|a| zone_caption(a.zone, lang.get()))}
                </p>
            </div>
            <div class="actions">
                <ExportButtons state=state pod=pod timeline=timeline />
            </div>
        </div>
    }
}

/// Explains the empty timeline: load a log first, or pick a pod. A chosen pod with nothing to
/// draw is explained in the error box instead.
#[component]
fn Welcome(state: State, pod: Memo<Option<usize>>) -> impl IntoView {
    let lang = state.lang;
    let text = move || {
        if state.analysis.with(|a| a.pods.is_empty()) {
            Msg::WelcomeText.text(lang.get())
        } else {
            Msg::PickPod.text(lang.get())
        }
    };
    view! {
        <div class="welcome" class:hidden=move || pod.with(Option::is_some)>
            <h3>{move || Msg::WelcomeTitle.text(lang.get())}</h3>
            <p>{text}</p>
        </div>
    }
}

#[component]
fn TimelineSvg(state: State, model: TimelineModel) -> impl IntoView {
    match model.picture.clone() {
        Picture::Seconds {
            layout,
            facts,
            node_facts,
        } => view! { <SecondsSvg state=state layout=layout facts=facts node_facts=node_facts /> }
            .into_any(),
        Picture::Buckets {
            overview,
            facts,
            node_facts,
        } => view! {
            <OverviewSvg
                state=state
                model=model
                overview=overview
                facts=facts
                node_facts=node_facts
            />
        }
        .into_any(),
    }
}

#[component]
fn SecondsSvg(
    state: State,
    layout: Layout,
    facts: Vec<MarkFacts>,
    node_facts: Vec<MarkFacts>,
) -> impl IntoView {
    let lane = layout.node_lane.clone();
    let (width, height) = (layout.width, layout.height);
    let view_box = format!("0 0 {width} {height}");
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            class="timeline"
            data-testid="timeline"
            role="group"
            width=width
            height=height
            viewBox=view_box
        >
            <BandLayer layout=layout.clone() />
            <AxisLayer layout=layout.clone() />
            <MarkLayer state=state layout=layout.clone() facts=facts />
            <LabelLayer layout=layout />
            {lane.map(|lane| view! { <NodeLaneLayer state=state lane=lane facts=node_facts /> })}
        </svg>
    }
}

#[component]
fn AxisLayer(layout: Layout) -> impl IntoView {
    let gaps = layout
        .gaps
        .iter()
        .map(|gap| {
            view! {
                <text class="gap" x=gap.x y=gap.y text-anchor="middle">
                    {gap.text.clone()}
                </text>
            }
        })
        .collect_view();
    view! {
        <g class="axis-layer">
            <line
                class="axis"
                x1=layout.axis_start_x
                y1=layout.axis_y
                x2=layout.axis_end_x
                y2=layout.axis_y
            />
            {gaps}
        </g>
    }
}

#[component]
fn MarkLayer(state: State, layout: Layout, facts: Vec<MarkFacts>) -> impl IntoView {
    let axis_y = layout.axis_y;
    layout
        .marks
        .into_iter()
        .zip(facts)
        .map(|(mark, facts)| view! { <MarkDot state=state mark=mark facts=facts axis_y=axis_y /> })
        .collect_view()
}

/// Returns what a mark of second `iso` needs to open its details: whether they are open, a
/// click handler, and a key handler for Enter and Space.
pub(super) fn mark_choice(
    state: State,
    iso: &str,
) -> (
    impl Fn() -> bool + Clone + 'static,
    impl Fn() + Clone + 'static,
    impl Fn(ev::KeyboardEvent) + Clone + 'static,
) {
    let open = {
        let iso = iso.to_string();
        move || {
            state
                .open
                .with(|open| open.as_deref() == Some(iso.as_str()))
        }
    };
    let choose = {
        let iso = iso.to_string();
        move || state.open.set(Some(iso.clone()))
    };
    let on_key = {
        let choose = choose.clone();
        move |ev: ev::KeyboardEvent| {
            if ev.key() == "Enter" || ev.key() == " " {
                ev.prevent_default();
                choose();
            }
        }
    };
    (open, choose, on_key)
}

#[component]
fn MarkDot(state: State, mark: Mark, facts: MarkFacts, axis_y: f64) -> impl IntoView {
    let MarkFacts { iso, count } = facts;
    let (open, choose, on_key) = mark_choice(state, &iso);
    let label = {
        let time = mark.time_label.clone();
        move || {
            let lang = state.lang.get();
            let level = mark.level.label(lang);
            let events = counted(count, Msg::EventsOne, Msg::EventsMany, lang);
            fill(
                Msg::MarkAria,
                lang,
                &[("time", &time), ("level", level), ("events", &events)],
            )
        }
    };
    let tooltip = format!("{} {}", mark.time_label, mark.lines.join(", "));
    view! {
        <g
            class=format!("mark level-{}", mark.level.name())
            class:open=open
            data-testid="second-mark"
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
            <line class="stem" x1=mark.x y1=axis_y x2=mark.x y2=mark.stem_y />
            <circle class="hit" cx=mark.x cy=axis_y r=mark.radius * 2.0 />
            <circle class="dot" cx=mark.x cy=axis_y r=mark.radius fill=mark.colour />
        </g>
    }
}

/// Returns the CSS class of a row of a mark's text. The export uses the same names.
pub(super) fn row_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Date => "date",
        RowKind::Time => "time",
        RowKind::Label => "label",
    }
}

#[component]
fn LabelLayer(layout: Layout) -> impl IntoView {
    let labels = layout
        .marks
        .iter()
        .filter(|_| layout.show_labels)
        .map(mark_text)
        .collect_view();
    view! { <g class="label-layer" aria-hidden="true">{labels}</g> }
}

/// Draws the date, time and event labels of one mark, anchored where the engine placed them so
/// the labels of edge marks stay inside the picture.
fn mark_text(mark: &Mark) -> impl IntoView {
    let anchor = mark.anchor.svg();
    let rows = mark
        .text_rows()
        .into_iter()
        .map(|row| {
            let text = row.text.to_string();
            view! {
                <text class=row_class(row.kind) x=mark.text_x y=row.y text-anchor=anchor>
                    {text}
                </text>
            }
        })
        .collect_view();
    view! { <g class="mark-text">{rows}</g> }
}
