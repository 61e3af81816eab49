package io.mystaff.core.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;

/** One of libphonenumber's own example numbers: valid by construction, for a region and type. */
record ExampleNumber(String region, PhoneNumberType type, Phonenumber.PhoneNumber number) {
  static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** The example of every number type of every supported region that has one. */
  static List<ExampleNumber> all() {
    List<ExampleNumber> all = new ArrayList<>();
    for (String region : UTIL.getSupportedRegions()) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
        if (example != null) {
          all.add(new ExampleNumber(region, type, example));
        }
      }
    }
    return all;
  }

  String format(PhoneNumberFormat format) {
    return UTIL.format(number, format);
  }

  /** A parser that reads this example's national format. */
  PhoneNumberParser nationalParser() {
    return PhoneNumberParser.withDefaultRegion(region);
  }

  @Override
  public String toString() {
    return region + " " + type + " " + format(PhoneNumberFormat.E164);
  }
}
