import type { LocaleCatalog } from "../catalog-types.ts";

export const ko: LocaleCatalog = {
  locale: "ko",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "택배사 첫 업데이트 대기 중",
      NOT_FOUND: "택배사에서 아직 운송장 번호를 조회할 수 없음",
      INFO_RECEIVED: "배송 정보 접수",
      LABEL_CREATED: "운송장 발급 완료",
      IN_TRANSIT: "배송 중",
      PICKED_UP: "택배사 집하 완료",
      ARRIVED_AT_FACILITY: "물류센터 도착",
      DEPARTED_FACILITY: "물류센터 출발",
      EXPORT_CUSTOMS: "수출 통관 진행 중",
      DEPARTED_ORIGIN_COUNTRY: "발송 국가 출발",
      ARRIVED_DESTINATION_COUNTRY: "목적지 국가 도착",
      IMPORT_CUSTOMS: "수입 통관 진행 중",
      CUSTOMS_CLEARED: "통관 완료",
      HANDED_TO_LAST_MILE: "국내 택배사로 인계",
      OUT_FOR_DELIVERY: "배송 출발",
      AVAILABLE_FOR_PICKUP: "수령 가능",
      DELIVERED: "배송 완료",
      SIGNED: "배송 완료 (수령인 서명)",
      LEFT_AT_SAFE_PLACE: "안전한 장소에 배송 완료",
      COLLECTED_BY_BUYER: "수령인 직접 수령 완료",
      DELIVERY_FAILED: "배송 실패",
      ADDRESS_ISSUE: "배송 실패: 주소 오류",
      RECIPIENT_UNAVAILABLE: "배송 실패: 수령인 부재",
      REFUSED: "수령인 수취 거부",
      EXCEPTION: "배송 문제 발생",
      CUSTOMS_HELD: "세관 통관 보류",
      DELAYED: "배송 지연",
      DAMAGED: "운송 중 파손",
      LOST: "분실 신고 접수",
      RETURNING_TO_SENDER: "발송인에게 반송 중",
      RETURNED_TO_SENDER: "발송인에게 반송 완료",
      STALLED: "영업일 기준 며칠째 이동 내역 없음",
      EXPIRED: "최종 업데이트 없이 추적 종료",
    },
    orderState: {
      PENDING: "결제 대기",
      READY_TO_SHIP: "발송 대기",
      PARTIALLY_SHIPPED: "부분 발송",
      SHIPPED: "발송 완료",
      DELIVERED: "배송 완료",
      COMPLETED: "거래 완료",
      CANCEL_REQUESTED: "취소 요청",
      CANCELLED: "취소 완료",
      RETURN_REQUESTED: "반품 요청",
      RETURNED: "반품 완료",
    },
    milestone: {
      ORDER_SHIPPED:
        "주문 {orderId} 상품이 발송되었습니다. 택배사: {carrier}, 운송장 번호: {trackingNumber}",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "주문 {orderId} 상품이 고객님의 국가에 도착했으며, 곧 국내 택배사로 인계될 예정입니다.",
      CUSTOMS_HELD:
        "주문 {orderId} 상품이 세관에 보류되어 있습니다. 통관될 수 있도록 처리 중입니다.",
      OUT_FOR_DELIVERY: "주문 {orderId} 상품이 오늘 {carrier}에서 배송 출발했습니다.",
      AVAILABLE_FOR_PICKUP:
        "주문 {orderId} 상품을 수령하실 수 있습니다{days, plural, =0 {.} other {. #일 이내에 수령해 주세요.}}",
      DELIVERY_FAILED:
        "{carrier}에서 주문 {orderId} 상품을 배송하지 못했습니다{attempts, plural, =0 {} other { (배송 시도 #회)}}. 주소를 확인하시거나 택배사에 문의해 주세요.",
      DELIVERED: "주문 {orderId} 상품이 배송 완료되었습니다. 만족스러운 쇼핑 되세요!",
      DELAYED:
        "주문 {orderId} 상품의 배송이 지연되고 있습니다{days, plural, =0 {} other { (약 #일 지연 예상)}}. 기다리게 해 드려 죄송합니다.",
      RETURNING_TO_SENDER: "주문 {orderId} 상품이 판매자에게 반송되고 있습니다.",
    },
    eta: {
      lane: "{lane} 구간의 배송 {count, plural, other {#}}건 기준",
      shrunk: "이 구간의 배송이 적어 {lane}({count, plural, other {#}}건)과 함께 추정",
      priorPromise: "이력이 아직 적어 마켓플레이스의 약속 기간({from}–{to} 영업일)에서 시작",
      priorChannel: "이력이 아직 적어 {source}({from}–{to} 영업일)에서 시작",
      priorCarrier: "이력이 아직 적어 택배사 공시 기준 {source}({from}–{to} 영업일)에서 시작",
      priorDefault: "이력이 아직 적어 trackline 기본값({from}–{to} 영업일)에서 시작",
      businessDays: "{country}의 영업일 기준: 주말과 공휴일 제외",
      holidayOrigin: "출발지의 {holiday}({date})가 지나야 출발",
      holidayDestination: "도착지의 {holiday}({date}) 제외",
      from: "{point, select, ORDERED {주문일} SHIPPED {택배사 인계} other {최근 배송 단계}}({date})부터 계산",
      pastPromise: "약속된 날짜 {date} 이후에 도착할 수 있습니다",
    },
    exception: {
      STALLED:
        "{days, plural, other {#영업일}} 동안 택배사 스캔이 없습니다. 이 경로의 이 구간에서 평소보다 깁니다. {carrier}에 추적 조사를 요청하고 구매자에게 확인 중임을 알려 주세요.",
      DELIVERY_FAILED:
        "{carrier}이(가) 배송하지 못했습니다. 구매자와 주소를 확인하고 {carrier}에 재배송 또는 방문 수령을 요청하세요.",
      CUSTOMS_HELD:
        "세관에서 소포를 보류 중입니다. {carrier}에 인보이스와 통관 서류를 보내고 관세 납부가 필요한지 확인하세요.",
      RETURNING_TO_SENDER:
        "소포가 반송 중입니다. 구매자가 클레임을 제기하기 전에 연락하여 재발송 또는 환불을 제안하세요.",
      LATE: "소포는 {date}까지 도착해야 했지만 아직 배송되지 않았습니다. 구매자에게 알리고 재발송이나 부분 환불을 고려하세요.",
      NO_SCAN_AFTER_CONFIRMATION:
        "송장번호가 {days, plural, other {#영업일}} 전에 확인되었지만 {carrier}이(가) 아직 소포를 스캔하지 않았습니다. 소포가 인계되었는지 확인하거나 송장번호를 수정하세요.",
    },
  },
};
