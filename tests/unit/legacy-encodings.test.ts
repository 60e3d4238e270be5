import { describe, expect, it } from 'vitest';
import {
  convertLegacyVietnamese,
  detectLegacyEncoding,
  legacyToUnicode,
} from '../../shared/vn/legacy-encodings.js';

// What a .VnTime (TCVN3) and a VNI-Times document show when their bytes are read as Windows-1252.
const TCVN3_HEADER = 'Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc';
const VNI_HEADER = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc';
const UNICODE_HEADER = 'Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc';

describe('legacy Vietnamese encodings', () => {
  it('converts the national motto from TCVN3 (ABC)', () => {
    expect(detectLegacyEncoding(TCVN3_HEADER)).toBe('tcvn3');
    expect(legacyToUnicode(TCVN3_HEADER, 'tcvn3')).toBe(UNICODE_HEADER);
  });

  it('converts the national motto from VNI', () => {
    expect(detectLegacyEncoding(VNI_HEADER)).toBe('vni');
    expect(legacyToUnicode(VNI_HEADER, 'vni')).toBe(UNICODE_HEADER.replace('hoà', 'hòa'));
  });

  it('converts every TCVN3 letter: all tones of every vowel, the bare capitals and đ', () => {
    const tcvn3 = '¸µ¶·¹ ¨¾»¼½Æ ©ÊÇÈÉË ÐÌÎÏÑ ªÕÒÓÔÖ Ý×ØÜÞ ãßáâä «èåæçé ¬íêëìî óïñòô ­øõö÷ù ýúûüþ ® ¡¢£¤¥¦§';
    expect(legacyToUnicode(tcvn3, 'tcvn3')).toBe(
      'áàảãạ ăắằẳẵặ âấầẩẫậ éèẻẽẹ êếềểễệ íìỉĩị óòỏõọ ôốồổỗộ ơớờởỡợ úùủũụ ưứừửữự ýỳỷỹỵ đ ĂÂÊÔƠƯĐ',
    );
  });

  it('converts every VNI letter, lower and upper case', () => {
    const vni =
      'aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë eù eø eû eõ eï eâ eá eà eå eã eä ' +
      'í ì æ ó ò où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï uù uø uû uõ uï ö öù öø öû öõ öï ' +
      'yù yø yû yõ î ñ';
    expect(legacyToUnicode(vni, 'vni')).toBe(
      'á à ả ã ạ â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ é è ẻ ẽ ẹ ê ế ề ể ễ ệ ' +
        'í ì ỉ ĩ ị ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ ú ù ủ ũ ụ ư ứ ừ ử ữ ự ' +
        'ý ỳ ỷ ỹ ỵ đ',
    );
    expect(legacyToUnicode('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'vni')).toBe(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    expect(legacyToUnicode('ÑÖÔÏC', 'vni')).toBe('ĐƯỢC');
    expect(legacyToUnicode('ñöôïc Ñaøi', 'vni')).toBe('được Đài');
  });

  it('reads capitals typed in a capitals-only font (.VnTimeH)', () => {
    expect(legacyToUnicode('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3')).toBe(
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    expect(legacyToUnicode('§éC LËP - Tù DO - H¹NH PHóC', 'tcvn3')).toBe('ĐỘC LẬP - TỰ DO - HẠNH PHÚC');
    // A capital followed by a legacy lower-case letter stays as typed: "Số", not "SỐ".
    expect(legacyToUnicode('Sè: 216/BC-STC', 'tcvn3')).toBe('Số: 216/BC-STC');
    expect(legacyToUnicode('UBND tØnh §¾k N«ng', 'tcvn3')).toBe('UBND tỉnh Đắk Nông');
  });

  it('leaves Unicode Vietnamese, English and French text alone', () => {
    for (const text of [
      UNICODE_HEADER,
      'Thực hiện Công văn số 4096/UBND-NC, ngày 02/8/2017 của Ủy ban nhân dân tỉnh Đăk Nông',
      'Hoà Bình, Thuý Hoà, khoá học, toà nhà', // Unicode pairs that look like VNI ("oà", "uý")
      'Quarterly report on administrative reform, 2018',
      'Noël à la café où le garçon a reçu l’élève très déçu',
      '',
    ]) {
      expect(detectLegacyEncoding(text)).toBeNull();
      expect(convertLegacyVietnamese(text)).toEqual({ text, encoding: null });
    }
  });

  it('converts only the legacy lines of a document patched with Unicode lines', () => {
    const mixed = `SỞ TÀI CHÍNH\n${TCVN3_HEADER}\nB¸o c¸o t×nh h×nh thùc hiÖn c«ng t¸c c¶i c¸ch hµnh chÝnh`;
    const { text, encoding } = convertLegacyVietnamese(mixed);
    expect(encoding).toBe('tcvn3');
    expect(text).toBe(`SỞ TÀI CHÍNH\n${UNICODE_HEADER}\nBáo cáo tình hình thực hiện công tác cải cách hành chính`);
  });

  it('tells TCVN3 from VNI in longer text', () => {
    const tcvn3 = 'Thùc hiÖn C«ng v¨n sè 864/STTTT-TTBCBC ngµy 03/8/2021 cña Së Th«ng tin vµ TruyÒn th«ng tØnh Kiªn Giang vÒ viÖc ®Èy m¹nh tuyªn truyÒn';
    const vni = 'Thöïc hieän Coâng vaên soá 864/STTTT-TTBCBC ngaøy 03/8/2021 cuûa Sôû Thoâng tin vaø Truyeàn thoâng tænh Kieân Giang veà vieäc ñaåy maïnh tuyeân truyeàn';
    const unicode = 'Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông tỉnh Kiên Giang về việc đẩy mạnh tuyên truyền';
    expect(convertLegacyVietnamese(tcvn3)).toEqual({ text: unicode, encoding: 'tcvn3' });
    expect(convertLegacyVietnamese(vni)).toEqual({ text: unicode, encoding: 'vni' });
  });
});
