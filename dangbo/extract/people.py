"""People and their positions.

Vietnamese news names officials in three ways, all read here:

    "đồng chí Trần Quốc Trung, Ủy viên Trung ương Đảng, Bí thư Thành ủy Cần Thơ, chủ trì ..."
        name, then positions separated by commas, up to the first word that is not part of
        a position (the verb "chủ trì") or the end of the clause;
    "Bí thư Thành ủy Hoàng Trung Hải phát biểu ..."      position right before the name;
    "các đồng chí Ủy viên Ban Thường vụ Thành ủy: Phó Chủ tịch Thường trực HĐND TP Nguyễn
     Ngọc Tuấn, Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo, ..."
        a shared position for a list, each item "position name";
    and the byline of an article: "* MAI THANH DÂN" over "Thành ủy viên, Bí thư Đảng ủy Khối...".

Positions may also be separated by dashes ("đ/c Trương Hồng Phúc- Bí thư huyện ủy- Chủ tịch
HĐND huyện"), start in lower case, or be abbreviated ("UVT.Ư Đảng", "UV BTV Tỉnh ủy").

A name is a run of capitalised syllables that starts with a Vietnamese family name (or any
run after "đồng chí", "ông", "bà"), not a place ("Hồ Chí Minh", "Lâm Đồng" after "tỉnh").
Positions are kept as written, split at commas, "nguyên" (former) kept. The first wording of
a position wins: "Bí thư Thành ủy Cần Thơ" later in the text adds nothing to "Bí thư Thành
ủy", and "Bí thư TƯ Đảng" adds nothing to "Bí thư Trung ương Đảng". People without any
position (photo credits, authors, people only quoted) are not reported.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .model import Person
from .text import SENTENCE_END_RE as _SENTENCE_END_RE
from .text import UPPER, UPPER_CHARS, Prepared, normalize_words

# Common Vietnamese family names (Khmer and minority ones too: Thạch, Danh, Lò, Bế).
SURNAMES = set("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Mai Trương Lâm
Đào Cao Hà Tô Lương Lưu Châu Tạ Thái Triệu Quách Chu Nông Lò Hứa Kiều Đoàn Vương Trịnh Tăng
Thân Từ La Giang Mạc Tôn Khúc Phùng Doãn Kim Lục Tống Diệp Thạch Lã Bế Nghiêm Đàm Lại Âu
Ninh Thiều Khổng Cù Hầu Bạch Biện Sầm Lường Nhữ Khuất Quản Trình Tiêu Uông Danh Giáp Cấn Chử
Ksor Rơ Siu Rmah Rah Kpă Puih Nay Hờ Sùng Giàng Lầu Thào Vàng Mùa Chẩu Điểu Bàn Chau Néang
Quàng Cầm Tòng Khà Tẩn Phàn Sình Mã Nùng Ma Ly Y Đàm Liêng
""".split())

# Places whose names start like a family name (after "tỉnh", "TP", "Thành ủy"...).
PLACES = {normalize_words(p) for p in """
Hà Nội|Hà Giang|Hà Nam|Hà Tĩnh|Hà Đông|Hà Tiên|Hà Trung|Hà Quảng|Hà Quảng|Hồ Chí Minh|Hồ Gươm
|Lâm Đồng|Lâm Hà|Lâm Thao|Lâm Bình|Cao Bằng|Cao Lãnh|Cao Phong|Thái Bình|Thái Nguyên|Thái Thụy
|Thái Hòa|Châu Thành|Châu Đốc|Châu Phú|Châu Đức|Châu Văn Liêm|Hoàng Mai|Hoàng Sa|Hoàng Su Phì
|Lê Chân|Ngô Quyền|Phan Thiết|Phan Rang|Phan Rí|Mai Sơn|Mai Châu|Lý Sơn|Giang Thành|Trần Đề
|Trần Văn Thời|Kim Bôi|Kim Sơn|Kim Động|Kim Bảng|Kim Thành|Ninh Bình|Ninh Thuận|Ninh Kiều
|Ninh Hòa|Ninh Giang|Ninh Hải|Ninh Phước|Ninh Sơn|Đồng Nai|Đồng Tháp|Đồng Hới|La Gi|Tô Hiệu
|Trường Sa|Bạch Long Vĩ|Hồng Bàng|Dương Minh Châu|Hồ Tràm|Vĩnh Long|Tân Châu|Diệp Minh Châu
|Triệu Phong|Triệu Sơn|Hoàng Hóa|Quách Phẩm|Võ Nhai|Lục Nam|Lục Ngạn|Lục Yên|Thạch Hà|Thạch Thất
|Thạch Thành|Đông Giang|Tây Giang|Kiên Giang|Tiền Giang|Hậu Giang|Bắc Giang|An Giang|Hương Giang
""".replace("\n", "").split("|")}
# A name is never one of these (Hồ Chí Minh is the city, the thought and the late President).
NOT_PEOPLE = {normalize_words(n) for n in ("Hồ Chí Minh", "Chủ tịch Hồ Chí Minh")}

# Words that begin a position. "nguyên" (former) and "Phó"/"Quyền" may come first.
_HEADS = """
Tổng Bí thư|Bí thư|Ủy viên|Thành ủy viên|Tỉnh ủy viên|Huyện ủy viên|Quận ủy viên|Thị ủy viên
|Đảng ủy viên|Chi ủy viên|Chủ tịch|Chủ nhiệm|Trưởng|Giám đốc|Tổng Giám đốc|Chánh|Viện trưởng
|Bộ trưởng|Thứ trưởng|Thủ tướng|Tổng Biên tập|Biên tập viên|Hiệu trưởng|Chỉ huy trưởng|Chính ủy
|Tư lệnh|Đại biểu Quốc hội|Tổng Thư ký|Thư ký|Cục trưởng|Vụ trưởng|Tổ trưởng|Đại sứ|Tổng Kiểm toán
|Tổng Thanh tra|Chánh Thanh tra|Trợ lý|Thẩm phán|Kiểm sát viên|Tổng cục trưởng|Hiệu phó
|Chủ nhiệm|Ủy viên Thường trực|Thường trực Ban Bí thư|Chuyên viên
"""
_HEAD_ALT = "|".join(sorted({h.strip().replace(" ", r"\s+") for h in _HEADS.split("|") if h.strip()},
                            key=len, reverse=True))
# Abbreviated heads: "UVT.Ư Đảng", "UVTW", "UV BTV Tỉnh ủy", "UVBCH", "TUV" (Tỉnh ủy viên).
_HEAD_ABBREVIATIONS = r"UV\s?T\.?\s?[ƯW]|UV\s?BCT|UV\s?BTV|UV\s?BCH|UV\s?UBKT|TUV|HUV|ĐUV"
HEAD_RE = re.compile(
    rf"(?:(?i:nguyên)\s+)?(?:(?i:phó|quyền)\s+)?(?:(?i:{_HEAD_ALT})|{_HEAD_ABBREVIATIONS})(?!\w)")

# Lower-case syllables inside a position ("Trưởng ban Tổ chức Thành ủy", "Chủ tịch UBND thành
# phố", "Bí thư Đảng ủy Khối cơ quan Dân chính Đảng"). Verbs ("chủ trì", "phát biểu", "trao",
# "làm", "tổ chức", "chỉ đạo", "kiểm tra") end a position, so syllables that also start a verb
# are accepted only inside a known pair, read left to right: "Ban chỉ đạo" is a body,
# "Bí thư Tỉnh ủy chỉ đạo" is a verb.
_INSIDE_WORDS = set("""
ủy viên thư tịch trưởng trực trị ương quốc nghiệp niên nữ binh sự an đốc tế hóa lý dục phố xã
trấn tỉnh huyện quận phường ấp khóm thôn bản khối kiêm nước phủ tướng lệnh huy sát toán án luật
pháp đoàn cục ban đảng bộ thuế trường
""".split())
# Pairs accepted when the first word is already inside the position ("ban" + "chỉ").
_INSIDE_PAIRS = {normalize_words(p) for p in """
ban chỉ|chỉ đạo|ban tổ|tổ chức|ban kiểm|ủy ban kiểm|kiểm tra|ban tuyên|tuyên giáo|dân vận
|ban dân|ban chấp|chấp hành|ban nội|nội chính|chủ nhiệm|thường vụ|nội vụ|mặt trận|tổ quốc|nhân dân
|hội đồng|chi bộ|cơ quan|cơ sở|các cơ|tài chính|tài nguyên|lao động|thương binh|biên tập|cán sự
|hải quan|kho bạc|bảo hiểm|chương trình|giáo dục|thanh tra|khoa học|công nghệ|công an|công thương
|công đoàn|công nghiệp|thông tin|ngân hàng|ngoại giao|giao thông|văn hóa|thể thao|du lịch
|nông nghiệp|nông thôn|nông dân|dân tộc|dân chính|thường trực|thành phố|thị xã|thị trấn|khu phố
|đặc khu|xây dựng|đại biểu|phát triển|môi trường|vận tải|đầu tư|y tế|đào tạo|thi đua|khen thưởng
|bảo vệ|chăm sóc|sức khỏe|cựu chiến|chiến binh|doanh nghiệp|tư pháp|kế hoạch|tôn giáo|truyền thông
|văn phòng|quốc phòng|biên phòng|trưởng phòng|chính trị|trung ương|quốc hội|chính phủ|ủy ban
|kiểm sát|viện kiểm|liên đoàn|liên hiệp|phụ nữ|thanh niên|kinh tế|hành chính|quân đội|quân sự
|tổ dân|dân phố|ban chỉ huy|ban quản|quản lý|ban bí|bí thư|ban thường|ban cán|ban kinh|hội nông
|hội cựu|hội liên|trận tổ|dự khuyết|thường vụ|đoàn đại|quốc hội|chủ tịch|lý luận|luận chính
""".replace("\n", "").split("|")}
# Nouns that may open a lower-case pair after any word ("UBND thành phố", "Khối cơ quan").
_PAIR_OPENERS = {"thành", "thị", "khu", "đặc", "cơ", "chi", "nhân", "hội", "mặt", "văn", "các",
                 "ủy", "ban", "dự", "đại", "thường", "chủ"}
# Lower-case nouns that name a unit inside a position when a capitalised name follows them:
# "Phó Bí thư Chi bộ khoa Lý luận cơ sở", "Bí thư Chi bộ thôn Tân Lập", "Giám đốc Trung tâm
# Y tế huyện Krông Pa". The lower-case words of that unit's name then belong to it too.
_UNIT_NOUNS = set("""
khoa phòng tổ đội thôn ấp bản làng buôn plei sóc khóm xóm khu trường trung viện sở cục hội đoàn
ban chi bộ ngành lớp xã phường huyện tỉnh quận thị công nhà bệnh đài báo học
""".split())
# Verbs and function words that end a unit's lower-case name.
_UNIT_NAME_STOPS = set("""
chủ phát trao làm tổ chỉ kiểm cho nhấn dự tham đến thăm tặng chia báo đánh yêu đề ghi tái được
đã đang sẽ và với là có tại trong về cùng khẳng nêu mong thay trình điều quán triển giới kết lưu
giao đọc chúc ký bày trả tiếp thông bế khai cũng vừa mới nói bày biểu hướng nhận thực đồng lên
xuống ra vào theo từ khi như này đó
""".split())
# A position given by a verb after the name: "tái đắc cử Bí thư Huyện ủy Ia Grai khóa XVIII",
# "tiếp tục được bầu giữ chức Bí thư", "được bầu làm Phó Bí thư", "giữ chức danh phó bí thư".
VERB_POSITION_RE = re.compile(
    r"\s*,?\s*(?:(?:đã|vừa|tiếp\s+tục|lại|cũng|chính\s+thức)\s+)*"
    r"(?:tái\s+đắc\s+cử|đắc\s+cử|trúng\s+cử|tái\s+cử|tái\s+bổ\s+nhiệm"
    # "được bầu", "được Ban Chấp hành bầu", "được Ban Thường vụ Tỉnh ủy chỉ định"
    r"|được\s+(?:[^\s,.;:]+\s+){0,5}?(?:bầu(?:\s+lại)?|bổ\s+nhiệm(?:\s+lại)?|điều\s+động|phân\s+công|chỉ\s+định|chuẩn\s+y"
    r"|giới\s+thiệu|luân\s+chuyển)"
    r"(?:\s+(?:giữ\s+chức(?:\s+(?:danh|vụ))?|làm|vào\s+(?:vị\s+trí|chức(?:\s+(?:danh|vụ))?)|là))?"
    r"|giữ\s+chức(?:\s+(?:danh|vụ))?|nhận\s+chức|(?:hiện|nay)\s+là|hiện\s+nay\s+là)"
    r"\s+(?:chức(?:\s+(?:danh|vụ))?\s+)?")
_COORDINATION_RE = re.compile(r"\s*(?:,|và)\s*")


def _inside_position(previous: str, word: str, following: str) -> bool:
    """Is the lower-case `word` (between `previous` and `following`) part of a position?"""
    low = normalize_words(word)
    if low in _INSIDE_WORDS:
        return True
    if f"{normalize_words(previous)} {low}" in _INSIDE_PAIRS:
        return True
    return low in _PAIR_OPENERS and f"{low} {normalize_words(following)}" in _INSIDE_PAIRS


_CAP = rf"{UPPER}[^\W\d_]*(?:['’]{UPPER}?[^\W\d_]+)*"
# A run of capitalised words on one line: "HĐND TP Nguyễn Ngọc Tuấn".
RUN_RE = re.compile(rf"(?<![^\W\d_]){_CAP}(?:[ ]+{_CAP})+")
_WORD_IN_RUN_RE = re.compile(rf"{_CAP}")
_RUN_AT_END_RE = re.compile(rf"(?<![^\W\d_]){_CAP}(?:[ ]+{_CAP})*$")
# Tokens: numbers and codes ("ấp 3", "01-CTr/TU"), words (with inner dots: "T.Ư"), punctuation.
# A hyphen between words is punctuation: "Phó Bí thư Chi bộ-chia sẻ" ends at "bộ".
TOKEN_RE = re.compile(r"\d\w*(?:[-/.]\w+)*|[^\W\d_]+(?:[.'’][^\W\d_]+)*|[^\s\w]")
# "đồng chí", "ông", "bà" and ranks and degrees: the capitalised words after them are a name.
TRIGGER_RE = re.compile(
    r"(?:(?i:đồng\s+chí)|đ/c|Đ/c|[Ôô]ng|[Bb]à|(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá)"
    r"|PGS\.?\s*,?\s*TS\.?|GS\.?\s*,?\s*TS\.?|TS\.|ThS\.)\s+$")
_ADMIN_BEFORE_RE = re.compile(
    r"(?<!\w)(?:tỉnh|huyện|quận|xã|phường|thị\s+xã|thị\s+trấn|thành\s+phố|TP\.?|TX\.?|ấp|khóm"
    r"|thôn|bản|Tỉnh|Huyện|Quận|Xã|Phường)\s+$")
_PHOTO_BEFORE_RE = re.compile(r"(?i:ảnh|ảnh\s+và\s+bài|bài\s+và\s+ảnh|bài,\s+ảnh|tác\s+giả)\s*[:\-]?\s*$")
# Between a name and its positions, and between positions: ", " / " - " / "-" / " (".
_POSITION_SEPARATOR_RE = re.compile(r"\s*(?:,|\(|-)\s*")
_SEPARATOR_BEFORE_RE = re.compile(r"(?:,|\s-|-)\s*$")
_GROUP_RE = re.compile(r"(?i:các\s+đồng\s+chí)\s+(?P<group>[^:;.\n]{3,120}?)\s*:")
_BYLINE_RE = re.compile(rf"[\s*•\-]*(?P<name>[{UPPER_CHARS}]+(?:[ ]+[{UPPER_CHARS}]+){{1,4}})[\s.]*")

_ABBREVIATIONS = {
    "BCH": "Ban Chấp hành", "BTV": "Ban Thường vụ", "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân", "MTTQVN": "Mặt trận Tổ quốc Việt Nam", "MTTQ": "Mặt trận Tổ quốc",
    "TƯ": "Trung ương", "TW": "Trung ương", "TP": "thành phố", "UBKT": "Ủy ban Kiểm tra",
    "ĐBQH": "Đại biểu Quốc hội", "TX": "thị xã", "TCCSĐ": "tổ chức cơ sở đảng",
    "UVTƯ": "Ủy viên Trung ương", "UVT.Ư": "Ủy viên Trung ương", "UVTW": "Ủy viên Trung ương",
    "UVBCT": "Ủy viên Bộ Chính trị", "UV": "Ủy viên", "TUV": "Tỉnh ủy viên", "HUV": "Huyện ủy viên",
    "ĐUV": "Đảng ủy viên", "BCT": "Bộ Chính trị",
}
_ABBREVIATION_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _ABBREVIATIONS), key=len, reverse=True)) + r")(?!\w)")


def expand_abbreviations(position: str) -> str:
    """'Chủ tịch UBND thành phố' -> 'Chủ tịch Ủy ban nhân dân thành phố'."""
    return _ABBREVIATION_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], position)


_FUNCTION = set("của và với là được đã đang sẽ có không cho để tại ở theo về từ đến".split())


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


@dataclass
class _Mention:
    name: str
    name_start: int
    name_end: int
    positions: list[tuple[int, int]] = field(default_factory=list)
    group: tuple[int, int] | None = None
    verb_positions: list[tuple[int, int]] = field(default_factory=list)


class _Reader:
    """Reads names and positions in one paragraph of the canonical text."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    # -- names ---------------------------------------------------------------------------
    def name_in_run(self, words: list[tuple[int, int]], from_index: int = 0,
                    after_trigger: bool = False) -> tuple[int, int, int, int] | None:
        """(index of the first word, index after the last word, start, end) of the first
        name in a run of capitalised words; after "đồng chí"/"ông"/"bà" the run itself."""
        text = self.text
        i = from_index
        while i < len(words):
            word = text[words[i][0]:words[i][1]]
            place = self._place_length(words, i)
            if place:
                i += place
                continue
            # A name in capitals ("TRẦN PHƯỚC HIỀN" under a speech) runs over capitals only.
            upper_led = (_is_abbreviation(word) and word.title() in SURNAMES and i + 1 < len(words)
                         and _is_abbreviation(text[words[i + 1][0]:words[i + 1][1]]))
            surname_led = word in SURNAMES or upper_led
            trigger_led = after_trigger and i == from_index and not HEAD_RE.match(text, words[i][0])
            if surname_led or trigger_led:
                j = i + 1
                while j < len(words) and j - i < 5:
                    w = text[words[j][0]:words[j][1]]
                    if upper_led and not w.isupper():
                        break
                    if not upper_led and (_is_abbreviation(w) or HEAD_RE.match(text, words[j][0])):
                        break
                    j += 1
                length = j - i
                if length >= 2 and (upper_led or not _is_abbreviation(word)):
                    before = text[max(self.start, words[i][0] - 12):words[i][0]]
                    if length == 2 and _ADMIN_BEFORE_RE.search(before):
                        i += 2  # "huyện Phan Rí": a place
                        continue
                    name = text[words[i][0]:words[j - 1][1]]
                    if normalize_words(name) not in NOT_PEOPLE:
                        return i, j, words[i][0], words[j - 1][1]
            if after_trigger:
                return None
            i += 1
        return None

    def _place_length(self, words: list[tuple[int, int]], i: int) -> int:
        for size in (4, 3, 2):
            if i + size <= len(words):
                phrase = normalize_words(self.text[words[i][0]:words[i + size - 1][1]])
                if phrase in PLACES:
                    return size
        return 0

    def name_starts_at(self, pos: int) -> bool:
        run = RUN_RE.match(self.text, pos, min(self.end, pos + 80))
        if not run:
            return False
        words = [(m.start(), m.end())
                 for m in _WORD_IN_RUN_RE.finditer(self.text, run.start(), run.end())]
        found = self.name_in_run(words)
        return bool(found and found[0] == 0)

    # -- positions -----------------------------------------------------------------------
    def position_end(self, pos: int) -> tuple[int, str]:
        """End of the position that starts at pos, and why it ends: ',', ';', '(', 'name',
        'word' (a word that is not part of a position) or 'end'."""
        text = self.text
        last_end = pos
        tokens = list(TOKEN_RE.finditer(text, pos, min(self.end, pos + 200)))
        previous = ""
        skip_to = 0
        unit_words = 0  # lower-case words read into a unit's name ("khoa Lý luận cơ sở")
        for index, token in enumerate(tokens):
            if index < skip_to:
                continue
            if "\n" in text[last_end:token.start()]:
                return last_end, "end"
            word = token.group(0)
            after = [t.group(0) for t in tokens[index + 1:index + 3]]
            if word == "(" and len(after) == 2 and _is_abbreviation(after[0]) and after[1] == ")":
                # "Chủ nhiệm Ủy ban Kiểm tra (UBKT) Tỉnh ủy"
                last_end, skip_to = tokens[index + 2].end(), index + 3
                continue
            if word == "-" and len(after) == 2 and after[0].lower() == "đoàn" and after[1].lower() == "thể":
                # "Bí thư Đảng ủy cơ quan Đảng – Đoàn thể": one body's name, not two positions
                last_end, skip_to = tokens[index + 2].end(), index + 3
                continue
            if word.lower() in ("khóa", "khoá") and after and re.fullmatch(r"[IVXL]+|\d{1,2}", after[0]):
                # "Bí thư Huyện ủy Ia Grai khóa XVIII"
                last_end, skip_to = tokens[index + 1].end(), index + 2
                continue
            if not word[0].isalnum():
                return last_end, word
            if word[0].isdigit():
                last_end, previous = token.end(), word
                continue
            if _is_cap(word):
                if index > 0 and self.name_starts_at(token.start()):
                    return last_end, "name"
                last_end, previous = token.end(), word
                if unit_words:
                    unit_words = 1
                continue
            following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
            # "Sở Tài nguyên và Môi trường": "và" joins two capitalised names of one body.
            if _inside_position(previous, word, following) or (word == "và" and _is_cap(following)):
                last_end, previous = token.end(), word
                continue
            low = word.lower()
            if low in _UNIT_NOUNS and _is_cap(following) and not self.name_starts_at(tokens[index + 1].start()):
                last_end, previous, unit_words = token.end(), word, 1
                continue
            if unit_words and unit_words < 4 and low not in _UNIT_NAME_STOPS and low not in _FUNCTION:
                last_end, previous, unit_words = token.end(), word, unit_words + 1
                continue
            return last_end, "word"
        return last_end, "end"

    def positions_after(self, pos: int) -> list[tuple[int, int]]:
        """Positions after a name: ', Ủy viên Trung ương Đảng, Bí thư Thành ủy, chủ trì'."""
        text = self.text
        out: list[tuple[int, int]] = []
        first = True
        while True:
            m = _POSITION_SEPARATOR_RE.match(text, pos, self.end)
            if not m or (not first and m.group(0).strip() not in (",", "-")):
                break
            head = HEAD_RE.match(text, m.end(), self.end)
            if not head:
                break
            end, why = self.position_end(head.end())
            if why == "name":
                break  # the position belongs to the next name ("..., Trưởng ban X Vũ Đức Bảo")
            out.append((m.end(), end))
            if why not in (",", "-"):
                break
            pos = end
            first = False
        return out

    def positions_by_verb(self, pos: int) -> list[tuple[int, int]]:
        """Positions a verb gives after the name (or after its listed positions): "tái đắc cử
        Bí thư Huyện ủy Ia Grai khóa XVIII", "được bầu làm Phó Bí thư Huyện ủy", "giữ chức danh
        phó bí thư Huyện ủy, chủ tịch UBND huyện"."""
        verb = VERB_POSITION_RE.match(self.text, pos, self.end)
        if not verb:
            return []
        head = HEAD_RE.match(self.text, verb.end(), self.end)
        if not head:
            return []
        end, why = self.position_end(head.end())
        if why == "name":
            return []
        out = [(verb.end(), end)]
        if why in (",", "-"):
            out.extend(self.positions_after(end))
        return out

    def positions_before(self, name_start: int) -> list[tuple[int, int]]:
        """'Bí thư Thành ủy' in 'Bí thư Thành ủy Hoàng Trung Hải', and the positions listed
        before it: 'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Lâm Đồng Trần Đức Quận'."""
        text = self.text
        if text[name_start - 1:name_start] != " ":
            return []
        found = self._segment_before(name_start - 1)
        out = []
        while found:
            out.insert(0, found)
            comma = _SEPARATOR_BEFORE_RE.search(text, max(self.start, found[0] - 4), found[0])
            if not comma:
                break
            comma_at = found[0] - len(comma.group(0))
            found = self._segment_before(comma_at, whole=True)
            if not found and len(out) > 1 and self._name_ends_at(comma_at):
                # "Nguyễn Văn A, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Văn B": the listed
                # positions are A's; B has only the one right before the name.
                return out[-1:]
        return out

    def _name_ends_at(self, end: int) -> bool:
        run = _RUN_AT_END_RE.search(self.text, max(self.start, end - 60), end)
        if not run:
            return False
        words = [(m.start(), m.end())
                 for m in _WORD_IN_RUN_RE.finditer(self.text, run.start(), run.end())]
        found = self.name_in_run(words)
        return bool(found and found[3] == end)

    def _segment_before(self, end: int, whole: bool = False) -> tuple[int, int] | None:
        """The position that ends at `end`, read backwards over position words. With
        `whole`, the segment must be a position from its first word (a listed position)."""
        text = self.text
        window_start = max(self.start, end - 160)
        tokens = list(TOKEN_RE.finditer(text, window_start, end))
        first = len(tokens)
        for index in range(len(tokens) - 1, -1, -1):
            word = tokens[index].group(0)
            gap_end = tokens[index + 1].start() if index + 1 < len(tokens) else end
            if "\n" in text[tokens[index].end():gap_end] or not word[0].isalnum():
                break
            following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
            previous = tokens[index - 1].group(0) if index > 0 else ""
            if (word[0].isdigit() or _is_cap(word) or word == "nguyên"
                    or _inside_position(previous, word, following)):
                first = index
                continue
            break
        if first == len(tokens):
            return None
        if whole:
            candidates = [first]
        else:
            candidates = range(first, len(tokens))
        for index in candidates:
            head = HEAD_RE.match(text, tokens[index].start(), end)
            if head:
                # A listed position holds no name ("..., Phó Chủ tịch HĐND TP Nguyễn Ngọc Tuấn,
                # Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo": the first belongs to Tuấn).
                if whole and any(_is_cap(t.group(0)) and self.name_starts_at(t.start())
                                 for t in tokens[index + 1:]):
                    return None
                return tokens[index].start(), tokens[-1].end()
        return None


def _mentions_in_paragraph(text: str, ps: int, pe: int) -> list[_Mention]:
    reader = _Reader(text, ps, pe)
    mentions: list[_Mention] = []
    seen_names: set[int] = set()

    def add(name_start: int, name_end: int) -> None:
        if name_start in seen_names:
            return
        seen_names.add(name_start)
        before = text[max(ps, name_start - 20):name_start]
        if _PHOTO_BEFORE_RE.search(before):
            return
        mention = _Mention(text[name_start:name_end], name_start, name_end)
        mention.positions.extend(reader.positions_before(name_start))
        after = reader.positions_after(name_end)
        mention.positions.extend(after)
        mention.verb_positions = reader.positions_by_verb(after[-1][1] if after else name_end)
        mention.positions.extend(mention.verb_positions)
        mentions.append(mention)

    for run in RUN_RE.finditer(text, ps, pe):
        words = [(m.start(), m.end())
                 for m in _WORD_IN_RUN_RE.finditer(text, run.start(), run.end())]
        trigger = TRIGGER_RE.search(text, max(ps, run.start() - 25), run.start())
        index = 0
        if trigger:
            found = reader.name_in_run(words, 0, after_trigger=True)
            if found:
                add(found[2], found[3])
                index = found[1]
        while index < len(words):
            found = reader.name_in_run(words, index)
            if not found:
                break
            add(found[2], found[3])
            index = found[1]

    # "Các đồng chí Lê Thanh Hải và Nguyễn Văn Tuấn được bầu làm Phó Bí thư": names joined by
    # "và" or "," share the position the verb gives the last of them.
    mentions.sort(key=lambda m: m.name_start)
    for index in range(len(mentions) - 2, -1, -1):
        mention, following = mentions[index], mentions[index + 1]
        if not mention.positions and following.verb_positions and \
                _COORDINATION_RE.fullmatch(text, mention.name_end, following.name_start):
            mention.verb_positions = list(following.verb_positions)
            mention.positions.extend(mention.verb_positions)

    # "các đồng chí Ủy viên Ban Thường vụ Thành ủy: <position> <name>, <position> <name>"
    starts = [m.name_start for m in mentions]
    groups = [g for g in _GROUP_RE.finditer(text, ps, pe) if HEAD_RE.match(text, g.start("group"))]
    sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(text, ps, pe)] if groups else []
    for group, following in zip(groups, [*groups[1:], None]):
        # The list runs to the end of the sentence or to the next group, whichever is first.
        i = bisect.bisect_left(sentence_ends, group.end())
        end = min(sentence_ends[i] if i < len(sentence_ends) else pe,
                  following.start() if following else pe)
        for index in range(bisect.bisect_left(starts, group.end()), bisect.bisect_left(starts, end)):
            mentions[index].group = (group.start("group"), group.end("group"))
    return mentions


def _bylines(text: str, prepared: Prepared) -> list[_Mention]:
    """'* MAI THANH DÂN' on its own line over a line of positions."""
    out = []
    paragraphs = prepared.paragraphs
    for (ps, pe), (ns, ne) in zip(paragraphs, paragraphs[1:]):
        m = _BYLINE_RE.fullmatch(text, ps, pe)
        if not m or not HEAD_RE.match(text, ns, ne):
            continue
        reader = _Reader(text, ns, ne)
        positions = []
        end, why = reader.position_end(HEAD_RE.match(text, ns, ne).end())
        positions.append((ns, end))
        if why == ",":
            positions.extend(reader.positions_after(end))
        out.append(_Mention(m.group("name").title(), m.start("name"), m.end("name"), positions))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.:;-":
        end -= 1
    while start < end and text[start] in " ,.:;-(":
        start += 1
    return start, end


class _PositionKeys:
    """The positions a person already has, compared the way a reader would: "Bí thư Thành ủy
    Cần Thơ" adds nothing to "Bí thư Thành ủy" (nor the other way round), "Bí thư TƯ Đảng"
    nothing to "Bí thư Trung ương Đảng"."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.prefixes: set[str] = set()  # every shorter word-prefix of a key

    @staticmethod
    def _shorter(key: str) -> list[str]:
        words = key.split()
        return [" ".join(words[:n]) for n in range(1, len(words))]

    def add(self, position: str) -> bool:
        """Record the position; False when the person already holds it in other words."""
        key = normalize_words(expand_abbreviations(position))
        shorter = self._shorter(key)
        if key in self.keys or key in self.prefixes or any(p in self.keys for p in shorter):
            return False
        self.keys.add(key)
        self.prefixes.update(shorter)
        return True


def find_people(prepared: Prepared) -> tuple[list[Person], list[tuple[int, int]]]:
    """People with at least one position, once each, and the NFC spans of their mentions."""
    text = prepared.canon
    mentions: list[_Mention] = []
    for ps, pe in prepared.paragraphs:
        mentions.extend(_mentions_in_paragraph(text, ps, pe))
    mentions.extend(_bylines(text, prepared))
    mentions.sort(key=lambda m: m.name_start)

    people: dict[str, tuple[Person, _PositionKeys]] = {}
    spans: list[tuple[int, int]] = []
    for mention in mentions:
        positions = ([mention.group] if mention.group else []) + mention.positions
        written = []
        for s, e in positions:
            s, e = _trim(text, s, e)
            if e > s:
                written.append(prepared.nfc[s:e])
                spans.append((s, e))
        if not written:
            continue
        key = normalize_words(mention.name)
        if key not in people:
            start = min([mention.name_start] + [s for s, _ in mention.positions])
            end = max([mention.name_end] + [e for _, e in mention.positions])
            a, b, original = prepared.span(*_trim(text, start, end))
            name = prepared.nfc[mention.name_start:mention.name_end]
            name = name.title() if name.isupper() else name
            people[key] = (Person(name, original, a, b), _PositionKeys())
        person, held = people[key]
        for position in written:
            if held.add(position):
                person.positions.append(position)
                person.positions_expanded.append(expand_abbreviations(position))
        spans.append((mention.name_start, mention.name_end))
    return [person for person, _ in people.values()], spans
