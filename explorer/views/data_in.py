"""数据 Data: upload a zipped CSV folder or a workbook, read the validation report, load it; or load the demo set."""

import shutil
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from explorer import data
from explorer.i18n import frame, lang, t

st.title(t("数据", "Data"))
MAX_UNZIPPED_BYTES = 2 * 1024 ** 3  # a zip that unpacks to more than this is refused


def graph_counts() -> None:
    counts = data.stats()
    nodes, rels = sum(counts["nodes"].values()), sum(counts["relationships"].values())
    st.caption(t(f"图中现有 {nodes:,} 个节点、{rels:,} 条关系({data.backend_name()})。",
                 f"The graph holds {nodes:,} nodes and {rels:,} relationships ({data.backend_name()})."))


def unpack(upload, folder: Path) -> Path:
    """Save the upload under ``folder``; a zip is unpacked safely. Returns the folder or workbook to read."""
    name = Path(upload.name).name
    target = folder / name
    target.write_bytes(upload.getvalue())
    if name.lower().endswith((".xlsx", ".xlsm")):
        return target
    with zipfile.ZipFile(target) as archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
            raise ValueError(t("压缩包解压后太大。", "The zip unpacks to too much data."))
        out = folder / "unzipped"
        for member in members:
            path = (out / member.filename).resolve()
            if not path.is_relative_to(out.resolve()) or not member.filename.lower().endswith(".csv"):
                continue  # outside the folder (zip slip) or not a CSV file: skipped
            if "__MACOSX" in Path(member.filename).parts:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, open(path, "wb") as sink:
                shutil.copyfileobj(source, sink)
    csv_folders = sorted({p.parent for p in out.rglob("*.csv")}, key=lambda p: len(p.parts)) if out.exists() else []
    if not csv_folders:
        raise ValueError(t("压缩包里没有 CSV 文件。", "The zip holds no CSV file."))
    return csv_folders[0]


def problems_table(validated) -> None:
    problems = validated.problems
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        st.error(t(f"{errors} 个错误:没有写入任何数据。请改正后重新上传。",
                   f"{errors} errors: nothing will be loaded. Correct them and upload again."))
    elif problems:
        st.warning(t(f"{len(problems)} 个警告,可以导入。", f"{len(problems)} warnings; the input can be loaded."))
    else:
        st.success(t("校验通过,没有问题。", "Valid: no problems."))
    if problems:
        rows = [{"severity": p.severity, "file": p.file, "row": p.row, "column": p.column, "value": p.value,
                 "message": p.zh if lang() == "zh" else p.en}
                for p in sorted(problems, key=lambda p: (p.severity != "error", p.file, p.row, p.column))]
        st.dataframe(frame(rows), hide_index=True, key="problems")


def load(validated, replace: bool, label: str) -> None:
    total = sum(len(rows) for rows in validated.rows.values())
    progress = data.load_progress(total, label)
    from loaders.load import load_validated

    try:
        report = load_validated(data.connection(), validated, replace=replace, progress=progress)
    except data.BackendError as error:
        st.error(t("导入失败,图未改变:", "The load failed; the graph is unchanged: ") + str(error))
        return
    data.invalidate()
    nodes = sum(report.nodes_created.values())
    rels = sum(report.relationships_created.values())
    st.session_state["load_message"] = t(
        f"已导入 {report.total_rows:,} 行({len(report.rows)} 个文件,{report.seconds:.1f} 秒):"
        f"新增 {nodes:,} 个节点、{rels:,} 条关系。",
        f"Loaded {report.total_rows:,} rows from {len(report.rows)} files in {report.seconds:.1f} s: "
        f"{nodes:,} nodes and {rels:,} relationships created.")


if st.session_state.get("load_message"):
    st.success(st.session_state.pop("load_message"))
graph_counts()

upload_tab, demo_tab = st.tabs([t("上传数据", "Upload"), t("示例数据", "Demo data")])

# --- upload -----------------------------------------------------------------------------------
with upload_tab:
    st.caption(t("上传一个包含各 CSV 文件的 zip 压缩包,或一个 .xlsx 工作簿(模板见 `partygraph template`)。",
                 "Upload a zip of the CSV files or one .xlsx workbook (templates: `partygraph template`)."))
    upload = st.file_uploader(t("zip 或 xlsx 文件", "zip or xlsx file"), type=["zip", "xlsx"], key="upload")
    replace = st.checkbox(t("替换整个图(先清空)", "Replace the whole graph (empty it first)"), key="replace")
    if upload is not None:
        stamp = (upload.file_id, replace)
        if st.session_state.get("checked_stamp") != stamp:
            from loaders.load import check_path

            with tempfile.TemporaryDirectory(prefix="partygraph-upload-") as folder:
                try:
                    with st.spinner(t("校验中…", "Validating…")):
                        source = unpack(upload, Path(folder))
                        st.session_state["validated"] = check_path(data.connection(), source, replace=replace)
                except (ValueError, zipfile.BadZipFile, OSError) as error:
                    st.session_state["validated"] = None
                    st.error(t("无法读取上传的文件:", "Cannot read the upload: ") + str(error))
            st.session_state["checked_stamp"] = stamp
        validated = st.session_state.get("validated")
        if validated is not None:
            problems_table(validated)
            if validated.ok and st.button(t("导入", "Load"), type="primary", key="load"):
                load(validated, replace, t("导入中", "Loading"))
                st.session_state["checked_stamp"] = None
                st.rerun()

# --- demo ---------------------------------------------------------------------------------------
with demo_tab:
    st.caption(t("按原文数字生成合成数据(全部人物均为虚构),并替换图中数据。",
                 "Generate synthetic data calibrated to the seed (every person invented) and replace the graph."))
    scale_column, seed_column, gaps_column = st.columns(3)
    scale = scale_column.number_input(t("规模", "Scale"), 1, 20, 1, key="demo_scale")
    seed = seed_column.number_input(t("随机种子", "Seed"), 0, 2**31 - 1, 42, key="demo_seed")
    gaps = gaps_column.number_input(t("缺口比例", "Gaps"), 0.0, 0.99, 0.05, step=0.01, key="demo_gaps")
    if st.button(t("生成并导入", "Generate and load"), type="primary", key="demo_load"):
        try:
            from loaders.demo import AS_OF, generate
        except ImportError:
            st.error(t("示例数据生成器尚未安装。", "The demo generator is not available yet."))
            st.stop()
        from loaders.load import check_path

        with tempfile.TemporaryDirectory(prefix="partygraph-demo-") as folder:
            with st.spinner(t("生成中…", "Generating…")):
                generate(Path(folder), scale=int(scale), seed=int(seed), gaps=float(gaps))
            with st.spinner(t("校验中…", "Validating…")):
                validated = check_path(data.connection(), Path(folder), replace=True)
            if not validated.ok:
                problems_table(validated)
                st.stop()
            load(validated, True, t("导入示例数据", "Loading the demo"))
        # The demo describes the network on AS_OF: read the rules on that day.
        st.session_state["as_of_next"] = AS_OF
        st.session_state["load_message"] = st.session_state.get("load_message", "") + t(
            f" 示例数据描述 {AS_OF} 的情况,截至日期已设为该日。",
            f" The demo describes the network on {AS_OF}; the as-of date is set to that day.")
        st.rerun()
