"""The partygraph explorer (``partygraph explore``): the frame around every page.

Asks for the password when one is set, then draws the sidebar — language, whether to
show personal data, the date rules are read at — and runs the chosen page.
"""

from __future__ import annotations

import datetime
import hmac
import os
import sys
from pathlib import Path

# `streamlit run explorer/app.py` puts explorer/ first on sys.path; the project root must be there too.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(1, _ROOT)

import streamlit as st  # noqa: E402

from explorer import data  # noqa: E402
from explorer.i18n import LANGUAGES, t  # noqa: E402
from graph.backend import BackendError  # noqa: E402

PASSWORD_ENV = "PARTYGRAPH_EXPLORER_PASSWORD"

st.set_page_config(page_title="partygraph 党建图谱", page_icon="🕸️", layout="wide")


def _require_password() -> None:
    """Stop here until the analyst has given the password, when one is set."""
    password = os.environ.get(PASSWORD_ENV)
    if not password or st.session_state.get("authenticated"):
        return
    st.title("partygraph")
    entered = st.text_input("密码 Password", type="password", key="password")
    if entered and hmac.compare_digest(entered.encode("utf-8"), password.encode("utf-8")):
        st.session_state["authenticated"] = True
        del st.session_state["password"]
        st.rerun()
    if entered:
        st.error("密码不正确 Wrong password")
    st.stop()


def _sidebar() -> None:
    with st.sidebar:
        st.radio("语言 Language", list(LANGUAGES.values()), key="lang", horizontal=True,
                 format_func=lambda code: next(k for k, v in LANGUAGES.items() if v == code))
        st.toggle(t("显示个人信息", "Show personal data"), key="show_personal",
                  help=t("默认隐去党员、书记、包联领导的姓名、电话和身份证号(张*明)。",
                         "Names, phones and ID numbers of members, secretaries and leaders are masked "
                         "by default (张*明)."))
        if "as_of_next" in st.session_state:  # a page asked for another date (the demo's day)
            st.session_state["as_of"] = st.session_state.pop("as_of_next")
        if "as_of" not in st.session_state and os.environ.get("PARTYGRAPH_AS_OF"):
            # `partygraph explore --as-of DATE`: open at the day the data describe
            st.session_state["as_of"] = datetime.date.fromisoformat(os.environ["PARTYGRAPH_AS_OF"])
        st.date_input(t("截至日期", "As of"), value=None, key="as_of",
                      min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31),
                      help=t("留空即今天(各查询的默认值)。", "Empty: today (each query's default)."))
        st.caption(t("数据库:", "Database: ") + data.backend_name())
        if data.load_in_progress():
            st.warning(t("正在导入数据。导入完成后请点“重新读取数据”:此前缓存的结果仍是旧数据。",
                         "A load is running. Press “Reload data” once it is done: results cached until then "
                         "are the old data."),
                       icon=":material/sync:")
        lacking = data.missing_counts()
        if lacking:
            st.warning(t(f"这个图由旧版本的 partygraph 导入,缺少本版本保存的统计({'、'.join(lacking)}):"
                         "规则表、概览和 R4、R12 名单会不全。请运行 `partygraph refresh`,再点“重新读取数据”。",
                         f"This graph was loaded by an older partygraph and lacks counts this version keeps "
                         f"({', '.join(lacking)}): the rule table, the overview and the R4 and R12 lists will be "
                         "incomplete. Run `partygraph refresh`, then press “Reload data”."),
                       icon=":material/warning:")
        if st.button(t("重新读取数据", "Reload data"), key="reload",
                     help=t("别处导入数据后,清除缓存重新读取。", "After a load elsewhere: forget cached results.")):
            data.invalidate()


_require_password()
st.session_state.setdefault("lang", "zh")
_sidebar()

_PAGES = [
    ("views/overview.py", "概览", "Overview", ":material/dashboard:", "overview"),
    ("views/gaps.py", "覆盖缺口", "Coverage gaps", ":material/report:", "gaps"),
    ("views/network.py", "关系网络", "Network", ":material/hub:", "network"),
    ("views/contracts.py", "共建契约", "Contracts", ":material/handshake:", "contracts"),
    ("views/reporting.py", "双报到与需求", "Dual reporting & demands", ":material/campaign:", "reporting"),
    ("views/query.py", "查询", "Query", ":material/search:", "query"),
    ("views/data_in.py", "数据", "Data", ":material/upload:", "data"),
]
page = st.navigation([st.Page(path, title=t(zh, en), icon=icon, url_path=url, default=(url == "overview"))
                      for path, zh, en, icon, url in _PAGES])
try:
    page.run()
except BackendError as error:
    st.error(t("数据库错误:", "Database error: ") + str(error))
