//! Sentences that qualify what a timeline shows, shared by the page, the SVG export and the CLI:
//! the zone of its times, what a low kubelet verbosity leaves out of the log, the levels left
//! out, and whether the texts are redacted.

use crate::analysis::Zone;
use crate::i18n::Lang;
use crate::level::{Level, LevelSet};

/// Writes the zone the timeline's times are in: `Times: UTC+05:30 (node)`, or a note that the
/// log does not state its zone.
pub fn zone_caption(zone: Zone, lang: Lang) -> String {
    match (zone, lang) {
        (Zone::Node { seconds }, Lang::En) => format!("Times: {} (node)", utc_offset(seconds)),
        (Zone::Node { seconds }, Lang::ZhCn) => format!("时间：{}（节点）", utc_offset(seconds)),
        (Zone::Offset { seconds }, Lang::En) => {
            format!(
                "Times: {} (as the log's stamps state it)",
                utc_offset(seconds)
            )
        }
        (Zone::Offset { seconds }, Lang::ZhCn) => {
            format!("时间：{}（按日志时间戳所注时区）", utc_offset(seconds))
        }
        (Zone::AsWritten, Lang::En) => "Times as written in the log (zone not stated)".to_string(),
        (Zone::AsWritten, Lang::ZhCn) => "时间按日志原样显示（未注明时区）".to_string(),
    }
}

/// Writes an offset east of UTC as `UTC+05:30`, `UTC-03:00` or `UTC` for zero.
pub fn utc_offset(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".to_string();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Writes the levels a picture shows, `Levels shown: Normal, Warning`, or `None` when it shows
/// every level.
pub fn levels_caption(levels: LevelSet, lang: Lang) -> Option<String> {
    if levels == LevelSet::ALL {
        return None;
    }
    let labels: Vec<&str> = Level::ALL
        .into_iter()
        .filter(|&level| levels.contains(level))
        .map(|level| level.label(lang))
        .collect();
    let caption = match (labels.is_empty(), lang) {
        (true, Lang::En) => "Levels shown: none".to_string(),
        (true, Lang::ZhCn) => "显示的级别：无".to_string(),
        (false, Lang::En) => format!("Levels shown: {}", labels.join(", ")),
        (false, Lang::ZhCn) => format!("显示的级别：{}", labels.join("、")),
    };
    Some(caption)
}

/// Says that a redacted picture's addresses, host names and secret values are placeholders.
pub fn redacted_caption(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Redacted: IP addresses, host names and secret values are placeholders",
        Lang::ZhCn => "已脱敏：IP 地址、主机名和密钥值均为占位符",
    }
}

/// Warns that the log lacks the lines of a kubelet verbosity, for a `shortfall` from
/// [`Verbosity::shortfall`](crate::analysis::Verbosity::shortfall): 1 for a kubelet below
/// `--v=2`, 2 for one at `--v=2`.
pub fn verbosity_notice(shortfall: u8, lang: Lang) -> &'static str {
    match (shortfall, lang) {
        (1, Lang::En) => {
            "The kubelet seems to run below --v=2: this log has no pod add or delete and no \
             container start or stop lines (written at --v=2), and none of what --v=3 adds, so \
             a quiet stretch of the timeline may not be quiet."
        }
        (1, Lang::ZhCn) => {
            "kubelet 的日志级别似乎低于 --v=2：日志中没有 Pod 添加、删除和容器启动、停止的记录\
             （--v=2 才输出），也没有 --v=3 才输出的记录，因此时间线上的空白不代表什么都没发生。"
        }
        (_, Lang::En) => {
            "The kubelet seems to run at --v=2: this log has none of the lines --v=3 adds (the \
             event echo such as Created, Started and Pulled, status updates, probe successes), \
             so a quiet stretch of the timeline may not be quiet."
        }
        (_, Lang::ZhCn) => {
            "kubelet 的日志级别似乎为 --v=2：日志中没有 --v=3 才输出的记录（Created、Started、\
             Pulled 等事件回显、状态更新、探针成功），因此时间线上的空白不代表什么都没发生。"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_caption_offsets() {
        let india = Zone::Node { seconds: 19_800 };
        assert_eq!(zone_caption(india, Lang::En), "Times: UTC+05:30 (node)");
        assert_eq!(zone_caption(india, Lang::ZhCn), "时间：UTC+05:30（节点）");
        assert_eq!(
            zone_caption(Zone::Offset { seconds: 0 }, Lang::En),
            "Times: UTC (as the log's stamps state it)"
        );
        assert_eq!(utc_offset(-3 * 3600), "UTC-03:00");
        assert_eq!(utc_offset(0), "UTC");
        assert_eq!(
            zone_caption(Zone::AsWritten, Lang::En),
            "Times as written in the log (zone not stated)"
        );
    }

    #[test]
    fn levels_caption_lists_shown() {
        assert_eq!(levels_caption(LevelSet::ALL, Lang::En), None);
        assert_eq!(
            levels_caption(LevelSet::DEFAULT, Lang::En).as_deref(),
            Some("Levels shown: Normal, Warning, Error, Fatal")
        );
        assert_eq!(
            levels_caption(LevelSet::DEFAULT, Lang::ZhCn).as_deref(),
            Some("显示的级别：正常、警告、错误、致命")
        );
        assert_eq!(
            levels_caption(LevelSet::NONE, Lang::En).as_deref(),
            Some("Levels shown: none")
        );
    }

    #[test]
    fn verbosity_notice_names_levels() {
        assert!(verbosity_notice(1, Lang::En).contains("below --v=2"));
        assert!(verbosity_notice(2, Lang::En).contains("at --v=2"));
        assert!(verbosity_notice(2, Lang::En).contains("Pulled"));
        assert!(verbosity_notice(1, Lang::ZhCn).contains("低于 --v=2"));
    }
}
