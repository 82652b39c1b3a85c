//! The CLI's messages about the files and pods it read, in the language of `--lang`. Each is
//! printed after `podlife: `. System errors and argument errors stay in English.

use podlife::analysis::Analysis;
use podlife::i18n::Lang;

/// Returns the message for a `--list-pods` run that found no pod in `inputs`.
pub fn no_pods_found(inputs: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("no pods found in {inputs}"),
        Lang::ZhCn => format!("在 {inputs} 中没有找到任何 Pod"),
    }
}

/// Returns the name of standard input, as `-` is shown in messages.
pub fn standard_input(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "standard input",
        Lang::ZhCn => "标准输入",
    }
}

/// Returns the message for a `query` that matches several pods, which are all shown.
pub fn several_match(query: &str, keys: &[String], lang: Lang) -> String {
    let count = keys.len();
    match lang {
        Lang::En => format!(
            "{query:?} matches {count} pods, showing all of them: {}",
            keys.join(", ")
        ),
        Lang::ZhCn => format!(
            "“{query}”匹配到 {count} 个 Pod，全部显示：{}",
            keys.join("、")
        ),
    }
}

/// Returns the message for pods with no event at the chosen levels, with the flag that
/// shows every level.
pub fn no_events(keys: &[String], levels: &str, lang: Lang) -> String {
    let every_level = "--eventlevel Info,Normal,Warning,Error,Fatal";
    match lang {
        Lang::En => format!(
            "{} has no events at levels {levels}; try {every_level}",
            keys.join(", ")
        ),
        Lang::ZhCn => format!(
            "{} 在级别 {levels} 下没有事件；可以试试 {every_level}",
            keys.join("、")
        ),
    }
}

/// Returns the message for a `query` that matches no pod, with up to five pods whose name
/// contains it.
pub fn pod_not_found(analysis: &Analysis, query: &str, lang: Lang) -> String {
    let name = query.rsplit('/').next().unwrap_or(query);
    let similar: Vec<String> = analysis
        .pods
        .iter()
        .filter(|pod| pod.name.contains(name))
        .take(5)
        .map(|pod| pod.key())
        .collect();
    let found = analysis.pods.len();
    match lang {
        Lang::En => {
            let found = match found {
                1 => "1 pod found".to_string(),
                n => format!("{n} pods found"),
            };
            let mut message =
                format!("pod {query:?} is not in the logs ({found}; --list-pods shows them)");
            if !similar.is_empty() {
                message.push_str(&format!("; similar: {}", similar.join(", ")));
            }
            message
        }
        Lang::ZhCn => {
            let mut message = format!(
                "日志中没有 Pod “{query}”（共找到 {found} 个 Pod，--list-pods 可列出它们）"
            );
            if !similar.is_empty() {
                message.push_str(&format!("；名称相近的：{}", similar.join("、")));
            }
            message
        }
    }
}

/// Returns the message for an invalid rule file, with the reason and the fact that no log
/// was read.
pub fn rule_file_invalid(path: &str, reason: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{path}: {reason}; the rule file was not used and no log was read"),
        Lang::ZhCn => format!("{path}：{reason}；未使用该规则文件，也未读取任何日志"),
    }
}
