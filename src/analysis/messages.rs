//! User-facing descriptions of input problems, in both languages. The CLI prints them on
//! standard error; the page shows them in its error banner.

use super::model::{FileSummary, InputIssue};
use crate::i18n::Lang;

/// How many skipped members a summary names before it counts the rest.
const NAMED_MEMBERS: usize = 3;

/// Returns one sentence for the members of `bundle` that were skipped (those whose only issue
/// is [`InputIssue::SkippedMember`]), naming the first few.
pub fn skipped_members_message(bundle: &str, members: &[&str], lang: Lang) -> String {
    let inside = |name: &&str| {
        name.strip_prefix(bundle)
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(name)
            .to_string()
    };
    let named: Vec<String> = members.iter().take(NAMED_MEMBERS).map(inside).collect();
    let rest = members.len().saturating_sub(NAMED_MEMBERS);
    let count = members.len();
    match lang {
        Lang::En => {
            let mut list = named.join(", ");
            if rest > 0 {
                list.push_str(&format!(" and {rest} more"));
            }
            let (noun, verb) = if count == 1 {
                ("member", "was")
            } else {
                ("members", "were")
            };
            format!("{bundle}: {count} {noun} with no kubelet line {verb} skipped: {list}.")
        }
        Lang::ZhCn => {
            let mut list = named.join("、");
            if rest > 0 {
                list.push_str(&format!(" 等（另有 {rest} 个）"));
            }
            format!("{bundle}：跳过了 {count} 个没有 kubelet 日志行的文件：{list}。")
        }
    }
}

/// Groups the files whose only issue is [`InputIssue::SkippedMember`] by bundle, in order.
pub fn skipped_members(files: &[FileSummary]) -> Vec<(&str, Vec<&str>)> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for file in files.iter().filter(|file| is_skipped(file)) {
        let bundle = file.bundle.as_deref().unwrap_or_default();
        match groups.iter_mut().find(|(name, _)| *name == bundle) {
            Some((_, members)) => members.push(&file.name),
            None => groups.push((bundle, vec![&file.name])),
        }
    }
    groups
}

/// Returns whether a file's only issue is that it is a skipped member of a bundle.
pub fn is_skipped(file: &FileSummary) -> bool {
    file.issues == [InputIssue::SkippedMember]
}

impl InputIssue {
    /// Returns a sentence saying what is wrong with `file` and what to do about it.
    pub fn message(&self, file: &str, lang: Lang) -> String {
        match lang {
            Lang::En => english(self, file),
            Lang::ZhCn => chinese(self, file),
        }
    }

    /// Returns whether the file contributed nothing, as opposed to being read with a warning.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            InputIssue::Empty
                | InputIssue::Binary
                | InputIssue::Compressed { .. }
                | InputIssue::NoKubeletLines
                | InputIssue::NotAFile { .. }
        )
    }
}

fn english(issue: &InputIssue, file: &str) -> String {
    match issue {
        InputIssue::Empty => format!("{file}: the file is empty, so there is nothing to read."),
        InputIssue::Binary => format!(
            "{file}: this is a binary file, not a text log, so it was skipped. \
             Choose a syslog, journalctl or kubelet log file."
        ),
        InputIssue::Compressed { format } => format!(
            "{file}: the file is {format}-compressed, which this version cannot read yet \
             (it reads gzip). Decompress it first (zstd -d, unxz or bunzip2), then load it again."
        ),
        InputIssue::NoKubeletLines => format!(
            "{file}: no kubelet line was found (no line has a klog header such as \
             I0516 18:34:39.885628 4052 kubelet.go:2407]). \
             Choose /var/log/messages, journalctl -u kubelet output or a kubelet log file."
        ),
        InputIssue::SkippedMember => {
            format!("{file}: this member of the bundle has no kubelet line, so it was skipped.")
        }
        InputIssue::LongLines {
            count: 1,
            first_line,
            max_bytes,
        } => format!(
            "{file}: line {first_line} was longer than {} KiB, so it was cut to that length; \
             the rest of the file was read.",
            max_bytes / 1024
        ),
        InputIssue::LongLines {
            count,
            first_line,
            max_bytes,
        } => format!(
            "{file}: {count} lines were longer than {} KiB, so they were cut to that length \
             (the first is line {first_line}); the rest of the file was read.",
            max_bytes / 1024
        ),
        InputIssue::InvalidUtf8 {
            count: 1,
            first_line,
        } => format!(
            "{file}: line {first_line} contains bytes that are not UTF-8; they show as \u{FFFD}."
        ),
        InputIssue::InvalidUtf8 { count, first_line } => format!(
            "{file}: {count} lines contain bytes that are not UTF-8 (the first is line \
             {first_line}); those bytes show as \u{FFFD}."
        ),
        InputIssue::Truncated { format, detail } => format!(
            "{file}: the {format} data is cut off or damaged ({detail}), so reading stopped \
             there. Everything before that point was read."
        ),
        InputIssue::NotAFile {
            link_target: Some(target),
        } => format!(
            "{file}: this archive member is a link to {target}, not a file, so it was skipped. \
             The target is read if the archive contains it."
        ),
        InputIssue::NotAFile { link_target: None } => format!(
            "{file}: this archive member is a device, pipe or other special file, not a log, \
             so it was skipped."
        ),
    }
}

fn chinese(issue: &InputIssue, file: &str) -> String {
    match issue {
        InputIssue::Empty => format!("{file}：文件为空，没有可读取的内容。"),
        InputIssue::Binary => format!(
            "{file}：这是二进制文件而非文本日志，已跳过。请选择 syslog、journalctl 或 kubelet 日志文件。"
        ),
        InputIssue::Compressed { format } => format!(
            "{file}：文件经过 {format} 压缩，当前版本还不能直接读取（可读取 gzip）。请先解压（可用 zstd -d、unxz 或 bunzip2），再重新加载。"
        ),
        InputIssue::NoKubeletLines => format!(
            "{file}：未找到 kubelet 日志行（没有任何一行带有 klog 头，例如 \
             I0516 18:34:39.885628 4052 kubelet.go:2407]）。\
             请选择 /var/log/messages、journalctl -u kubelet 的输出或 kubelet 日志文件。"
        ),
        InputIssue::SkippedMember => format!("{file}：包中的这个文件没有 kubelet 日志行，已跳过。"),
        InputIssue::LongLines {
            count: 1,
            first_line,
            max_bytes,
        } => format!(
            "{file}：第 {first_line} 行超过 {} KiB，已截断到该长度；文件其余部分已正常读取。",
            max_bytes / 1024
        ),
        InputIssue::LongLines {
            count,
            first_line,
            max_bytes,
        } => format!(
            "{file}：有 {count} 行超过 {} KiB，已截断到该长度（第一处在第 {first_line} 行）；文件其余部分已正常读取。",
            max_bytes / 1024
        ),
        InputIssue::InvalidUtf8 {
            count: 1,
            first_line,
        } => format!("{file}：第 {first_line} 行含有非 UTF-8 字节，这些字节显示为 \u{FFFD}。"),
        InputIssue::InvalidUtf8 { count, first_line } => format!(
            "{file}：有 {count} 行含有非 UTF-8 字节（第一处在第 {first_line} 行），这些字节显示为 \u{FFFD}。"
        ),
        InputIssue::Truncated { format, detail } => format!(
            "{file}：{format} 数据被截断或已损坏（{detail}），读取在该处停止；此前的内容均已读取。"
        ),
        InputIssue::NotAFile {
            link_target: Some(target),
        } => format!(
            "{file}：该归档成员是指向 {target} 的链接而非文件，已跳过；若归档中包含目标文件，会读取目标文件。"
        ),
        InputIssue::NotAFile { link_target: None } => format!(
            "{file}：该归档成员是设备、管道或其他特殊文件而非日志，已跳过。"
        ),
    }
}

#[cfg(test)]
mod skipped_tests {
    use super::*;

    #[test]
    fn skipped_members_message_names_three() {
        let members = [
            "b.tgz/x/1",
            "b.tgz/x/2",
            "b.tgz/x/3",
            "b.tgz/x/4",
            "b.tgz/x/5",
        ];
        assert_eq!(
            skipped_members_message("b.tgz", &members, Lang::En),
            "b.tgz: 5 members with no kubelet line were skipped: x/1, x/2, x/3 and 2 more."
        );
        assert_eq!(
            skipped_members_message("b.tgz", &members[..2], Lang::ZhCn),
            "b.tgz：跳过了 2 个没有 kubelet 日志行的文件：x/1、x/2。"
        );
    }
}
