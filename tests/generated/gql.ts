/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription WatchLimited($id: ID!) { shipmentUpdated(id: $id) { id } }\n": typeof types.WatchLimitedDocument,
    "\n  mutation CreateRevocableKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } errors { code } }\n  }\n": typeof types.CreateRevocableKeyDocument,
    "\n  mutation RevokeOpenKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { errors { code } }\n  }\n": typeof types.RevokeOpenKeyDocument,
    "\n  mutation RotateOpenKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) { key errors { code } }\n  }\n": typeof types.RotateOpenKeyDocument,
    "\n  subscription WatchRevocation($id: ID!) { shipmentUpdated(id: $id) { id } }\n": typeof types.WatchRevocationDocument,
    "\n  mutation CreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt }\n      errors { code field message }\n    }\n  }\n": typeof types.CreateKeyDocument,
    "\n  query ListKeys { apiKeys { id name prefix scopes expiresAt revokedAt } }\n": typeof types.ListKeysDocument,
    "\n  mutation RotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      key\n      apiKey { id name scopes }\n      errors { code field message }\n    }\n  }\n": typeof types.RotateKeyDocument,
    "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } errors { code field } }\n  }\n": typeof types.RevokeKeyDocument,
    "\n  mutation PollConnectCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) {\n      account { id carrier status credentialNames lastError }\n      errors { code field message }\n    }\n  }\n": typeof types.PollConnectCarrierAccountDocument,
    "\n  query PollCarrierAccounts {\n    carrierAccounts { id carrier status credentialNames lastError pausedUntil lastPolledAt }\n  }\n": typeof types.PollCarrierAccountsDocument,
    "\n  mutation PollCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { path } errors { code } }\n  }\n": typeof types.PollCarrierHookDocument,
    "\n  mutation EndpointCreate($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id path }\n      errors { code field }\n    }\n  }\n": typeof types.EndpointCreateDocument,
    "\n  mutation EndpointRotate($input: RotateCarrierWebhookSecretInput!) {\n    rotateCarrierWebhookSecret(input: $input) {\n      webhook { id path previousSecretExpiresAt }\n      errors { code field }\n    }\n  }\n": typeof types.EndpointRotateDocument,
    "\n  mutation EndpointDelete($input: DeleteCarrierWebhookInput!) {\n    deleteCarrierWebhook(input: $input) {\n      deletedId\n      errors { code field }\n    }\n  }\n": typeof types.EndpointDeleteDocument,
    "\n  query EndpointList {\n    carrierWebhooks { id path previousSecretExpiresAt }\n  }\n": typeof types.EndpointListDocument,
    "\n  mutation CreateWebhook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id provider path }\n      errors { code field }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  query TrackedShipment($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) { status timeline { status rawCode } }\n  }\n": typeof types.TrackedShipmentDocument,
    "\n  query HandoffTimeline($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) {\n      carrier { code }\n      timeline { status carrier { code name } }\n    }\n  }\n": typeof types.HandoffTimelineDocument,
    "\n  query EstimateDeliveries($inputs: [DeliveryEstimateInput!]!, $confidence: Float, $locale: Locale) {\n    estimateDeliveries(inputs: $inputs, confidence: $confidence) {\n      earliest\n      latest\n      mostLikely\n      confidence\n      timeZone\n      basis { level sampleSize lane from }\n      risks { code message }\n      explanation(locale: $locale)\n    }\n  }\n": typeof types.EstimateDeliveriesDocument,
    "query Unmapped { unmappedCarrierCodes { carrier rawCode count } }": typeof types.UnmappedDocument,
    "\n    query ShipmentsPage($first: Int) {\n      shipments(first: $first) { edges { node { id } } pageInfo { hasNextPage } }\n    }\n  ": typeof types.ShipmentsPageDocument,
    "\n  query ShipmentExceptions($id: ID!, $open: Boolean, $locale: Locale) {\n    shipment(id: $id) {\n      exceptions(open: $open) {\n        type\n        open\n        since\n        openedAt\n        closedAt\n        evidence\n        suggestedAction(locale: $locale)\n      }\n    }\n  }\n": typeof types.ShipmentExceptionsDocument,
    "\n  query Exceptions($filter: ShipmentExceptionFilter, $first: Int) {\n    exceptions(filter: $filter, first: $first) {\n      countsByType { type count }\n      edges { node { type shipment { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.ExceptionsDocument,
    "\n  subscription ExceptionRaised($storeId: ID!) {\n    exceptionRaised(storeId: $storeId) { type open suggestedAction shipment { id } }\n  }\n": typeof types.ExceptionRaisedDocument,
    "\n  mutation SetRules($input: SetStoreNotificationRulesInput!) {\n    setStoreNotificationRules(input: $input) {\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n      errors { code field message }\n    }\n  }\n": typeof types.SetRulesDocument,
    "\n  mutation SetPreferences($input: SetBuyerNotificationPreferencesInput!) {\n    setBuyerNotificationPreferences(input: $input) {\n      preferences { optedOut optedOutAt channel email phone locale timeZone }\n      errors { code field message }\n    }\n  }\n": typeof types.SetPreferencesDocument,
    "\n  query OrderNotifications($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        notifications {\n          kind\n          channel\n          state\n          reason\n          detail\n          to\n          scheduledFor\n          sentAt\n          attempts\n        }\n      }\n    }\n  }\n": typeof types.OrderNotificationsDocument,
    "\n  query StoreRules {\n    stores {\n      id\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n    }\n  }\n": typeof types.StoreRulesDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id nativeOrderId state }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateOrderDocument,
    "\n  mutation ConfirmShipment($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id trackingNumber status substatus carrier { code name trackingUrl } }\n      errors { code message field }\n    }\n  }\n": typeof types.ConfirmShipmentDocument,
    "\n  mutation RecordEvents($input: RecordTrackingEventsInput!) {\n    recordTrackingEvents(input: $input) {\n      shipment { id status substatus lastEventAt }\n      recordedCount\n      duplicateCount\n      errors { code message field }\n    }\n  }\n": typeof types.RecordEventsDocument,
    "\n  query ShipmentTimeline($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      id\n      status\n      substatus\n      lastEventAt\n      timeline(locale: $locale) {\n        occurredAt\n        status\n        substatus\n        description\n        rawCode\n        rawDescription\n        isPhysicalScan\n        location { city region postalCode countryCode latitude longitude }\n      }\n    }\n  }\n": typeof types.ShipmentTimelineDocument,
    "\n  query PublicUrl($id: ID!) {\n    shipment(id: $id) { id publicUrl }\n  }\n": typeof types.PublicUrlDocument,
    "\n  mutation RevokeLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) { errors { code } }\n  }\n": typeof types.RevokeLinkDocument,
    "\n      mutation CreateStoreLimits($input: CreateStoreInput!) {\n        createStore(input: $input) { store { id } errors { code message field } }\n      }\n    ": typeof types.CreateStoreLimitsDocument,
    "\n      mutation UpdateStatusLimits($input: UpdateOrderStatusInput!) {\n        updateOrderStatus(input: $input) { order { id } errors { code field } }\n      }\n    ": typeof types.UpdateStatusLimitsDocument,
    "\n      query TrackLimits($trackingNumber: String!) {\n        trackShipment(trackingNumber: $trackingNumber) { id }\n      }\n    ": typeof types.TrackLimitsDocument,
    "\n      query FilterLimits($filter: ShipmentFilter) {\n        shipments(filter: $filter) { edges { node { id } } }\n      }\n    ": typeof types.FilterLimitsDocument,
    "\n  mutation MatrixSubscribe($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { webhookSubscription { id } errors { code } }\n  }\n": typeof types.MatrixSubscribeDocument,
    "\n  mutation MatrixCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { id path } errors { code } }\n  }\n": typeof types.MatrixCarrierHookDocument,
    "\n  mutation MatrixCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) { account { id } errors { code } }\n  }\n": typeof types.MatrixCarrierAccountDocument,
    "\n  mutation MatrixKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { apiKey { id } errors { code } }\n  }\n": typeof types.MatrixKeyDocument,
    "\n  query CostedTimelines($shipments: Int, $entries: Int) {\n    shipments(first: $shipments) {\n      edges { node { id timeline(first: $entries) { occurredAt status description } } }\n    }\n  }\n": typeof types.CostedTimelinesDocument,
    "\n  query TimelinePage($id: ID!, $first: Int, $after: String) {\n    shipment(id: $id) {\n      timelineCount\n      timeline(first: $first, after: $after) { cursor rawCode occurredAt }\n    }\n  }\n": typeof types.TimelinePageDocument,
    "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.NodesDocument,
    "\n      query OrderShipments($id: ID!, $first: Int) {\n        node(id: $id) { ... on Order { shipments(first: $first) { trackingNumber } } }\n      }\n    ": typeof types.OrderShipmentsDocument,
    "\n  mutation ConnectStore($input: ConnectStoreInput!) {\n    connectStore(input: $input) {\n      store { id syncPolicy accountId apiBaseUrl credentials { names updatedAt lastUsedAt } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": typeof types.ConnectStoreDocument,
    "\n  mutation UpdateStoreCredentials($input: UpdateStoreCredentialsInput!) {\n    updateStoreCredentials(input: $input) {\n      store { id credentials { names } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": typeof types.UpdateStoreCredentialsDocument,
    "\n  mutation SetStoreSyncPolicy($storeId: ID!, $syncPolicy: StoreSyncPolicy!) {\n    setStoreSyncPolicy(storeId: $storeId, syncPolicy: $syncPolicy) {\n      store { id syncPolicy }\n      errors { code message field }\n    }\n  }\n": typeof types.SetStoreSyncPolicyDocument,
    "\n  mutation ConfirmForSync($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id marketplaceSync { state } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": typeof types.ConfirmForSyncDocument,
    "\n  query ShipmentSync($id: ID!) {\n    shipment(id: $id) {\n      id\n      marketplaceSync {\n        state attempts lastErrorCode lastError nextAttemptAt confirmedAt packageReference\n      }\n      risks { code }\n    }\n  }\n": typeof types.ShipmentSyncDocument,
    "\n  mutation RetryMarketplaceSync($shipmentId: ID!) {\n    retryMarketplaceSync(shipmentId: $shipmentId) {\n      shipment { id marketplaceSync { state attempts } }\n      errors { code message field }\n    }\n  }\n": typeof types.RetryMarketplaceSyncDocument,
    "\n  mutation CorrectShipmentTracking($input: CorrectShipmentTrackingInput!) {\n    correctShipmentTracking(input: $input) {\n      shipment { id trackingNumber marketplaceSync { state attempts } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": typeof types.CorrectShipmentTrackingDocument,
    "\n  query OrderAfterPush($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        id\n        nativeStatus { code }\n        state\n        shipments { trackingNumber carrier { code } marketplaceSync { state } }\n      }\n    }\n  }\n": typeof types.OrderAfterPushDocument,
    "\n  query Marketplaces {\n    marketplaces { id name sites { code country locales timeZone currency weekend } orderStates { code canonical } }\n  }\n": typeof types.MarketplacesDocument,
    "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      store { id name marketplace { id name } site { code locales timeZone currency } }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateStoreDocument,
    "\n  query OrderStatus($id: ID!, $locale: Locale) {\n    node(id: $id) {\n      ... on Order {\n        state\n        stateLabel(locale: $locale)\n        buyerLocale\n        nativeStatus { code canonical label(locale: $locale) }\n      }\n    }\n  }\n": typeof types.OrderStatusDocument,
    "\n  mutation UpdateOrderStatus($input: UpdateOrderStatusInput!) {\n    updateOrderStatus(input: $input) {\n      order { id state nativeStatus { code canonical } }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateOrderStatusDocument,
    "\n  query Descriptions($id: ID!, $locale: Locale, $milestone: Milestone!) {\n    shipment(id: $id) {\n      timeline(locale: $locale) { description }\n      buyerMessage(milestone: $milestone, locale: $locale)\n    }\n  }\n": typeof types.DescriptionsDocument,
    "\n  mutation CreateDatedOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateDatedOrderDocument,
    "\n  query OrderDates($id: ID!) {\n    node(id: $id) { ... on Order { placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo } }\n  }\n": typeof types.OrderDatesDocument,
    "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      webhookSubscription { id url events enabled }\n      secret\n      errors { code message field }\n    }\n  }\n": typeof types.CreateWebhookSubscriptionDocument,
    "\n  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(input: $input) {\n      webhookSubscription { id enabled disabledReason }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateWebhookSubscriptionDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      webhookSubscription { previousSecretExpiresAt }\n      secret\n      errors { code field }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  query WebhookSubscriptions {\n    webhookSubscriptions { id enabled disabledReason disabledAt }\n  }\n": typeof types.WebhookSubscriptionsDocument,
    "\n  query WebhookDeliveries($subscriptionId: ID!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, first: 50) {\n      edges { node { id messageId eventType state attempts lastStatusCode lastError payload } }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery { id state }\n      errors { code field }\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument,
    "\n  mutation ReplayFailedWebhookDeliveries($input: ReplayFailedWebhookDeliveriesInput!) {\n    replayFailedWebhookDeliveries(input: $input) { replayed errors { code field } }\n  }\n": typeof types.ReplayFailedWebhookDeliveriesDocument,
    "\n  mutation ConfirmWithWarnings($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id status substatus }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": typeof types.ConfirmWithWarningsDocument,
    "\n  mutation ShippedAt($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) { shipment { shippedAt } }\n  }\n": typeof types.ShippedAtDocument,
    "\n  query OrderState($id: ID!) { node(id: $id) { ... on Order { state nativeStatus { code } } } }\n": typeof types.OrderStateDocument,
    "\n  query Tracked($trackingNumber: String!) { trackShipment(trackingNumber: $trackingNumber) { status } }\n": typeof types.TrackedDocument,
    "\n  query ShipmentPlaces($id: ID!) {\n    shipment(id: $id) {\n      timeline {\n        location {\n          city region countryCode latitude longitude\n          coordinates { latitude longitude precision }\n        }\n      }\n      route { city countryCode coordinates { precision } }\n      currentPlace { city countryCode coordinates { latitude longitude precision } }\n    }\n  }\n": typeof types.ShipmentPlacesDocument,
    "\n  query NotifiedLink($id: ID!) {\n    shipment(id: $id) { publicUrl }\n  }\n": typeof types.NotifiedLinkDocument,
    "\n  query DeliveryFeedbackReport($storeId: ID!, $since: DateTime) {\n    deliveryFeedback(storeId: $storeId, since: $since) {\n      count\n      average\n      byCarrier { carrier count average }\n      byLane { originCountry destinationCountry count average }\n      latestComments { rating comment carrier originCountry destinationCountry ratedAt }\n    }\n  }\n": typeof types.DeliveryFeedbackReportDocument,
    "\n  query PublicLink($id: ID!) {\n    shipment(id: $id) {\n      id\n      publicUrl\n      publicUrlRevokedAt\n      order { id nativeOrderId }\n      store { id }\n    }\n  }\n": typeof types.PublicLinkDocument,
    "\n  mutation RevokePublicTrackingLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) {\n      shipment { id publicUrlRevokedAt }\n      errors { code field message }\n    }\n  }\n": typeof types.RevokePublicTrackingLinkDocument,
    "\n  query ShipmentsWithTimelines {\n    shipments(first: 50) { edges { node { order { id } timeline { status } } } }\n  }\n": typeof types.ShipmentsWithTimelinesDocument,
    "\n  query OrdersWithShipments {\n    orders(first: 50) { edges { node { id store { site { code } } shipments { trackingNumber timeline { status } } } } }\n  }\n": typeof types.OrdersWithShipmentsDocument,
    "\n  query ShipmentPageTimelines($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id timelineCount timeline { occurredAt status description location { city coordinates { latitude precision } } } } }\n    }\n  }\n": typeof types.ShipmentPageTimelinesDocument,
    "\n  query ShipmentRoutes($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id route { city coordinates { latitude } } currentPlace { city } } }\n    }\n  }\n": typeof types.ShipmentRoutesDocument,
    "\n  mutation CreateBazaarStore($input: CreateStoreInput!) {\n    createStore(input: $input) { store { id site { locales } } errors { code } }\n  }\n": typeof types.CreateBazaarStoreDocument,
    "\n  query BazaarParcel($id: ID!) {\n    shipment(id: $id) {\n      carrier { name trackingUrl }\n      order { state nativeStatus { code label(locale: \"de\") } }\n      timeline(locale: \"en\") { description }\n    }\n  }\n": typeof types.BazaarParcelDocument,
    "\n  query ReviewRequest($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        reviewRequest { state reason detail scheduledFor sentAt attempts }\n      }\n    }\n  }\n": typeof types.ReviewRequestDocument,
    "query ScopeStores { stores { id name } }": typeof types.ScopeStoresDocument,
    "\n  subscription ShipmentUpdatedScope($id: ID!) { shipmentUpdated(id: $id) { id status } }\n": typeof types.ShipmentUpdatedScopeDocument,
    "\n  query SellerMetrics($storeId: ID!, $window: MetricWindow!) {\n    sellerMetrics(storeId: $storeId, window: $window) {\n      window since until\n      validTrackingRate { ...MetricFields }\n      lateShipmentRate { ...MetricFields }\n      onTimeDeliveryRate { ...MetricFields }\n      preFulfillmentCancelRate { ...MetricFields }\n    }\n  }\n  fragment MetricFields on SellerMetric {\n    rate numerator denominator target targetComparison healthy\n    offendingOrders { id nativeOrderId }\n  }\n": typeof types.SellerMetricsDocument,
    "\n  query ShipmentRisks($id: ID!) {\n    shipment(id: $id) { risks { code message raisedAt clearedAt } }\n  }\n": typeof types.ShipmentRisksDocument,
    "\n  subscription SellerRiskRaised($storeId: ID!) {\n    sellerRiskRaised(storeId: $storeId) { code message shipment { id } }\n  }\n": typeof types.SellerRiskRaisedDocument,
    "\n  query ShipmentEstimate($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      status\n      estimatedDelivery {\n        earliest\n        latest\n        mostLikely\n        basis { level from }\n        risks { code message }\n        explanation(locale: $locale)\n      }\n    }\n  }\n": typeof types.ShipmentEstimateDocument,
    "\n  query ShipmentsWithEstimates {\n    shipments(first: 50) { edges { node { estimatedDelivery { mostLikely explanation } } } }\n  }\n": typeof types.ShipmentsWithEstimatesDocument,
    "\n  query MilestoneEstimate($id: ID!) {\n    shipment(id: $id) {\n      estimatedDelivery { mostLikely basis { from } legs { milestone earliest latest } }\n    }\n  }\n": typeof types.MilestoneEstimateDocument,
    "\n  subscription EstimateUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { status estimatedDelivery { mostLikely basis { from } } }\n  }\n": typeof types.EstimateUpdatedDocument,
    "\n  query ShipmentsTravelling($travelling: Boolean, $storeId: ID, $after: String) {\n    shipments(first: 2, after: $after, filter: { travelling: $travelling, storeId: $storeId }) {\n      edges { node { id status substatus } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ShipmentsTravellingDocument,
    "\n  subscription ShipmentUpdatedMessage($id: ID!, $locale: Locale) {\n    shipmentUpdated(id: $id) {\n      id status\n      buyerMessage(milestone: OUT_FOR_DELIVERY, locale: $locale)\n      store { id }\n    }\n  }\n": typeof types.ShipmentUpdatedMessageDocument,
    "\n  subscription TrackingEventAddedLocalised($locale: Locale) {\n    trackingEventAdded(locale: $locale) {\n      shipment { id status }\n      events { status description }\n    }\n  }\n": typeof types.TrackingEventAddedLocalisedDocument,
    "\n  subscription ShipmentUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { id status substatus }\n  }\n": typeof types.ShipmentUpdatedDocument,
    "\n  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {\n    trackingEventAdded(storeId: $storeId, locale: $locale) {\n      shipment { id trackingNumber }\n      events { status description occurredAt }\n    }\n  }\n": typeof types.TrackingEventAddedDocument,
    "\n  query Everything($nodeId: ID!, $trackingNumber: String!) {\n    node(id: $nodeId) { id }\n    shipments(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    stores { id }\n    trackShipment(trackingNumber: $trackingNumber) { id }\n  }\n": typeof types.EverythingDocument,
    "\n      query Scanner($id: ID!) { shipment(id: $id) { carrier { code } timeline { carrier { code } } } }\n    ": typeof types.ScannerDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      state\n      rows\n      accepted\n      applied\n      unchanged\n      rejected\n      errors { row column value code message suggestions { carrier trackingNumber } }\n      warnings { row column code }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  mutation ImportTrackingFile($input: ImportTrackingFileInput!) {\n    importTrackingFile(input: $input) {\n      import { id state rows applied rejected errors { row column code message } }\n      errors { code field message }\n    }\n  }\n": typeof types.ImportTrackingFileDocument,
    "\n  query Detect($n: String!) {\n    detectCarrier(trackingNumber: $n) {\n      carrier { code name trackingUrl }\n      format\n      checksum\n      confidence\n    }\n  }\n": typeof types.DetectDocument,
    "\n  query DetectMany($numbers: [String!]!) {\n    detectCarriers(trackingNumbers: $numbers) {\n      input\n      normalized\n      matches { carrier { code } checksum }\n      errors { code message }\n    }\n  }\n": typeof types.DetectManyDocument,
    "\n  query Validate($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      warnings { code message }\n      suggestions { trackingNumber carrier }\n    }\n  }\n": typeof types.ValidateDocument,
    "\n  query DetectFrom($n: String!, $origin: String, $destination: String) {\n    detectCarrier(trackingNumber: $n, originCountry: $origin, destinationCountry: $destination) {\n      carrier { code }\n      checksum\n    }\n  }\n": typeof types.DetectFromDocument,
    "\n  query DetectManyFrom($numbers: [String!]!, $origin: String) {\n    detectCarriers(trackingNumbers: $numbers, originCountry: $origin) {\n      matches { carrier { code } }\n    }\n  }\n": typeof types.DetectManyFromDocument,
    "\n  query Carriers {\n    carriers { code name formats { name hasCheckDigit checksum } }\n  }\n": typeof types.CarriersDocument,
    "\n  query ValidateNumber($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      matches { carrier { code } }\n    }\n  }\n": typeof types.ValidateNumberDocument,
    "query UnmappedCodes { unmappedCarrierCodes { carrier rawCode count } }": typeof types.UnmappedCodesDocument,
    "\n  query ValidTrackingReport($storeId: ID!, $window: MetricWindow!, $first: Int, $after: String, $last: Int) {\n    validTrackingReport(storeId: $storeId, window: $window, first: $first, after: $after, last: $last) {\n      edges {\n        cursor\n        node { reasons reportedAt marketplaceErrorCode marketplaceError shipment { id } }\n      }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }\n": typeof types.ValidTrackingReportDocument,
    "\n  query VtrCounts($storeId: ID!) {\n    sellerMetrics(storeId: $storeId, window: DAYS_7) { validTrackingRate { numerator denominator } }\n  }\n": typeof types.VtrCountsDocument,
};
const documents: Documents = {
    "\n  subscription WatchLimited($id: ID!) { shipmentUpdated(id: $id) { id } }\n": types.WatchLimitedDocument,
    "\n  mutation CreateRevocableKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } errors { code } }\n  }\n": types.CreateRevocableKeyDocument,
    "\n  mutation RevokeOpenKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { errors { code } }\n  }\n": types.RevokeOpenKeyDocument,
    "\n  mutation RotateOpenKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) { key errors { code } }\n  }\n": types.RotateOpenKeyDocument,
    "\n  subscription WatchRevocation($id: ID!) { shipmentUpdated(id: $id) { id } }\n": types.WatchRevocationDocument,
    "\n  mutation CreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt }\n      errors { code field message }\n    }\n  }\n": types.CreateKeyDocument,
    "\n  query ListKeys { apiKeys { id name prefix scopes expiresAt revokedAt } }\n": types.ListKeysDocument,
    "\n  mutation RotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      key\n      apiKey { id name scopes }\n      errors { code field message }\n    }\n  }\n": types.RotateKeyDocument,
    "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } errors { code field } }\n  }\n": types.RevokeKeyDocument,
    "\n  mutation PollConnectCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) {\n      account { id carrier status credentialNames lastError }\n      errors { code field message }\n    }\n  }\n": types.PollConnectCarrierAccountDocument,
    "\n  query PollCarrierAccounts {\n    carrierAccounts { id carrier status credentialNames lastError pausedUntil lastPolledAt }\n  }\n": types.PollCarrierAccountsDocument,
    "\n  mutation PollCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { path } errors { code } }\n  }\n": types.PollCarrierHookDocument,
    "\n  mutation EndpointCreate($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id path }\n      errors { code field }\n    }\n  }\n": types.EndpointCreateDocument,
    "\n  mutation EndpointRotate($input: RotateCarrierWebhookSecretInput!) {\n    rotateCarrierWebhookSecret(input: $input) {\n      webhook { id path previousSecretExpiresAt }\n      errors { code field }\n    }\n  }\n": types.EndpointRotateDocument,
    "\n  mutation EndpointDelete($input: DeleteCarrierWebhookInput!) {\n    deleteCarrierWebhook(input: $input) {\n      deletedId\n      errors { code field }\n    }\n  }\n": types.EndpointDeleteDocument,
    "\n  query EndpointList {\n    carrierWebhooks { id path previousSecretExpiresAt }\n  }\n": types.EndpointListDocument,
    "\n  mutation CreateWebhook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id provider path }\n      errors { code field }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  query TrackedShipment($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) { status timeline { status rawCode } }\n  }\n": types.TrackedShipmentDocument,
    "\n  query HandoffTimeline($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) {\n      carrier { code }\n      timeline { status carrier { code name } }\n    }\n  }\n": types.HandoffTimelineDocument,
    "\n  query EstimateDeliveries($inputs: [DeliveryEstimateInput!]!, $confidence: Float, $locale: Locale) {\n    estimateDeliveries(inputs: $inputs, confidence: $confidence) {\n      earliest\n      latest\n      mostLikely\n      confidence\n      timeZone\n      basis { level sampleSize lane from }\n      risks { code message }\n      explanation(locale: $locale)\n    }\n  }\n": types.EstimateDeliveriesDocument,
    "query Unmapped { unmappedCarrierCodes { carrier rawCode count } }": types.UnmappedDocument,
    "\n    query ShipmentsPage($first: Int) {\n      shipments(first: $first) { edges { node { id } } pageInfo { hasNextPage } }\n    }\n  ": types.ShipmentsPageDocument,
    "\n  query ShipmentExceptions($id: ID!, $open: Boolean, $locale: Locale) {\n    shipment(id: $id) {\n      exceptions(open: $open) {\n        type\n        open\n        since\n        openedAt\n        closedAt\n        evidence\n        suggestedAction(locale: $locale)\n      }\n    }\n  }\n": types.ShipmentExceptionsDocument,
    "\n  query Exceptions($filter: ShipmentExceptionFilter, $first: Int) {\n    exceptions(filter: $filter, first: $first) {\n      countsByType { type count }\n      edges { node { type shipment { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.ExceptionsDocument,
    "\n  subscription ExceptionRaised($storeId: ID!) {\n    exceptionRaised(storeId: $storeId) { type open suggestedAction shipment { id } }\n  }\n": types.ExceptionRaisedDocument,
    "\n  mutation SetRules($input: SetStoreNotificationRulesInput!) {\n    setStoreNotificationRules(input: $input) {\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n      errors { code field message }\n    }\n  }\n": types.SetRulesDocument,
    "\n  mutation SetPreferences($input: SetBuyerNotificationPreferencesInput!) {\n    setBuyerNotificationPreferences(input: $input) {\n      preferences { optedOut optedOutAt channel email phone locale timeZone }\n      errors { code field message }\n    }\n  }\n": types.SetPreferencesDocument,
    "\n  query OrderNotifications($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        notifications {\n          kind\n          channel\n          state\n          reason\n          detail\n          to\n          scheduledFor\n          sentAt\n          attempts\n        }\n      }\n    }\n  }\n": types.OrderNotificationsDocument,
    "\n  query StoreRules {\n    stores {\n      id\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n    }\n  }\n": types.StoreRulesDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id nativeOrderId state }\n      errors { code message field }\n    }\n  }\n": types.CreateOrderDocument,
    "\n  mutation ConfirmShipment($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id trackingNumber status substatus carrier { code name trackingUrl } }\n      errors { code message field }\n    }\n  }\n": types.ConfirmShipmentDocument,
    "\n  mutation RecordEvents($input: RecordTrackingEventsInput!) {\n    recordTrackingEvents(input: $input) {\n      shipment { id status substatus lastEventAt }\n      recordedCount\n      duplicateCount\n      errors { code message field }\n    }\n  }\n": types.RecordEventsDocument,
    "\n  query ShipmentTimeline($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      id\n      status\n      substatus\n      lastEventAt\n      timeline(locale: $locale) {\n        occurredAt\n        status\n        substatus\n        description\n        rawCode\n        rawDescription\n        isPhysicalScan\n        location { city region postalCode countryCode latitude longitude }\n      }\n    }\n  }\n": types.ShipmentTimelineDocument,
    "\n  query PublicUrl($id: ID!) {\n    shipment(id: $id) { id publicUrl }\n  }\n": types.PublicUrlDocument,
    "\n  mutation RevokeLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) { errors { code } }\n  }\n": types.RevokeLinkDocument,
    "\n      mutation CreateStoreLimits($input: CreateStoreInput!) {\n        createStore(input: $input) { store { id } errors { code message field } }\n      }\n    ": types.CreateStoreLimitsDocument,
    "\n      mutation UpdateStatusLimits($input: UpdateOrderStatusInput!) {\n        updateOrderStatus(input: $input) { order { id } errors { code field } }\n      }\n    ": types.UpdateStatusLimitsDocument,
    "\n      query TrackLimits($trackingNumber: String!) {\n        trackShipment(trackingNumber: $trackingNumber) { id }\n      }\n    ": types.TrackLimitsDocument,
    "\n      query FilterLimits($filter: ShipmentFilter) {\n        shipments(filter: $filter) { edges { node { id } } }\n      }\n    ": types.FilterLimitsDocument,
    "\n  mutation MatrixSubscribe($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { webhookSubscription { id } errors { code } }\n  }\n": types.MatrixSubscribeDocument,
    "\n  mutation MatrixCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { id path } errors { code } }\n  }\n": types.MatrixCarrierHookDocument,
    "\n  mutation MatrixCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) { account { id } errors { code } }\n  }\n": types.MatrixCarrierAccountDocument,
    "\n  mutation MatrixKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { apiKey { id } errors { code } }\n  }\n": types.MatrixKeyDocument,
    "\n  query CostedTimelines($shipments: Int, $entries: Int) {\n    shipments(first: $shipments) {\n      edges { node { id timeline(first: $entries) { occurredAt status description } } }\n    }\n  }\n": types.CostedTimelinesDocument,
    "\n  query TimelinePage($id: ID!, $first: Int, $after: String) {\n    shipment(id: $id) {\n      timelineCount\n      timeline(first: $first, after: $after) { cursor rawCode occurredAt }\n    }\n  }\n": types.TimelinePageDocument,
    "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.NodesDocument,
    "\n      query OrderShipments($id: ID!, $first: Int) {\n        node(id: $id) { ... on Order { shipments(first: $first) { trackingNumber } } }\n      }\n    ": types.OrderShipmentsDocument,
    "\n  mutation ConnectStore($input: ConnectStoreInput!) {\n    connectStore(input: $input) {\n      store { id syncPolicy accountId apiBaseUrl credentials { names updatedAt lastUsedAt } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": types.ConnectStoreDocument,
    "\n  mutation UpdateStoreCredentials($input: UpdateStoreCredentialsInput!) {\n    updateStoreCredentials(input: $input) {\n      store { id credentials { names } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": types.UpdateStoreCredentialsDocument,
    "\n  mutation SetStoreSyncPolicy($storeId: ID!, $syncPolicy: StoreSyncPolicy!) {\n    setStoreSyncPolicy(storeId: $storeId, syncPolicy: $syncPolicy) {\n      store { id syncPolicy }\n      errors { code message field }\n    }\n  }\n": types.SetStoreSyncPolicyDocument,
    "\n  mutation ConfirmForSync($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id marketplaceSync { state } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": types.ConfirmForSyncDocument,
    "\n  query ShipmentSync($id: ID!) {\n    shipment(id: $id) {\n      id\n      marketplaceSync {\n        state attempts lastErrorCode lastError nextAttemptAt confirmedAt packageReference\n      }\n      risks { code }\n    }\n  }\n": types.ShipmentSyncDocument,
    "\n  mutation RetryMarketplaceSync($shipmentId: ID!) {\n    retryMarketplaceSync(shipmentId: $shipmentId) {\n      shipment { id marketplaceSync { state attempts } }\n      errors { code message field }\n    }\n  }\n": types.RetryMarketplaceSyncDocument,
    "\n  mutation CorrectShipmentTracking($input: CorrectShipmentTrackingInput!) {\n    correctShipmentTracking(input: $input) {\n      shipment { id trackingNumber marketplaceSync { state attempts } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": types.CorrectShipmentTrackingDocument,
    "\n  query OrderAfterPush($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        id\n        nativeStatus { code }\n        state\n        shipments { trackingNumber carrier { code } marketplaceSync { state } }\n      }\n    }\n  }\n": types.OrderAfterPushDocument,
    "\n  query Marketplaces {\n    marketplaces { id name sites { code country locales timeZone currency weekend } orderStates { code canonical } }\n  }\n": types.MarketplacesDocument,
    "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      store { id name marketplace { id name } site { code locales timeZone currency } }\n      errors { code message field }\n    }\n  }\n": types.CreateStoreDocument,
    "\n  query OrderStatus($id: ID!, $locale: Locale) {\n    node(id: $id) {\n      ... on Order {\n        state\n        stateLabel(locale: $locale)\n        buyerLocale\n        nativeStatus { code canonical label(locale: $locale) }\n      }\n    }\n  }\n": types.OrderStatusDocument,
    "\n  mutation UpdateOrderStatus($input: UpdateOrderStatusInput!) {\n    updateOrderStatus(input: $input) {\n      order { id state nativeStatus { code canonical } }\n      errors { code message field }\n    }\n  }\n": types.UpdateOrderStatusDocument,
    "\n  query Descriptions($id: ID!, $locale: Locale, $milestone: Milestone!) {\n    shipment(id: $id) {\n      timeline(locale: $locale) { description }\n      buyerMessage(milestone: $milestone, locale: $locale)\n    }\n  }\n": types.DescriptionsDocument,
    "\n  mutation CreateDatedOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo }\n      errors { code message field }\n    }\n  }\n": types.CreateDatedOrderDocument,
    "\n  query OrderDates($id: ID!) {\n    node(id: $id) { ... on Order { placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo } }\n  }\n": types.OrderDatesDocument,
    "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      webhookSubscription { id url events enabled }\n      secret\n      errors { code message field }\n    }\n  }\n": types.CreateWebhookSubscriptionDocument,
    "\n  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(input: $input) {\n      webhookSubscription { id enabled disabledReason }\n      errors { code message field }\n    }\n  }\n": types.UpdateWebhookSubscriptionDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      webhookSubscription { previousSecretExpiresAt }\n      secret\n      errors { code field }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  query WebhookSubscriptions {\n    webhookSubscriptions { id enabled disabledReason disabledAt }\n  }\n": types.WebhookSubscriptionsDocument,
    "\n  query WebhookDeliveries($subscriptionId: ID!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, first: 50) {\n      edges { node { id messageId eventType state attempts lastStatusCode lastError payload } }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery { id state }\n      errors { code field }\n    }\n  }\n": types.ReplayWebhookDeliveryDocument,
    "\n  mutation ReplayFailedWebhookDeliveries($input: ReplayFailedWebhookDeliveriesInput!) {\n    replayFailedWebhookDeliveries(input: $input) { replayed errors { code field } }\n  }\n": types.ReplayFailedWebhookDeliveriesDocument,
    "\n  mutation ConfirmWithWarnings($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id status substatus }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n": types.ConfirmWithWarningsDocument,
    "\n  mutation ShippedAt($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) { shipment { shippedAt } }\n  }\n": types.ShippedAtDocument,
    "\n  query OrderState($id: ID!) { node(id: $id) { ... on Order { state nativeStatus { code } } } }\n": types.OrderStateDocument,
    "\n  query Tracked($trackingNumber: String!) { trackShipment(trackingNumber: $trackingNumber) { status } }\n": types.TrackedDocument,
    "\n  query ShipmentPlaces($id: ID!) {\n    shipment(id: $id) {\n      timeline {\n        location {\n          city region countryCode latitude longitude\n          coordinates { latitude longitude precision }\n        }\n      }\n      route { city countryCode coordinates { precision } }\n      currentPlace { city countryCode coordinates { latitude longitude precision } }\n    }\n  }\n": types.ShipmentPlacesDocument,
    "\n  query NotifiedLink($id: ID!) {\n    shipment(id: $id) { publicUrl }\n  }\n": types.NotifiedLinkDocument,
    "\n  query DeliveryFeedbackReport($storeId: ID!, $since: DateTime) {\n    deliveryFeedback(storeId: $storeId, since: $since) {\n      count\n      average\n      byCarrier { carrier count average }\n      byLane { originCountry destinationCountry count average }\n      latestComments { rating comment carrier originCountry destinationCountry ratedAt }\n    }\n  }\n": types.DeliveryFeedbackReportDocument,
    "\n  query PublicLink($id: ID!) {\n    shipment(id: $id) {\n      id\n      publicUrl\n      publicUrlRevokedAt\n      order { id nativeOrderId }\n      store { id }\n    }\n  }\n": types.PublicLinkDocument,
    "\n  mutation RevokePublicTrackingLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) {\n      shipment { id publicUrlRevokedAt }\n      errors { code field message }\n    }\n  }\n": types.RevokePublicTrackingLinkDocument,
    "\n  query ShipmentsWithTimelines {\n    shipments(first: 50) { edges { node { order { id } timeline { status } } } }\n  }\n": types.ShipmentsWithTimelinesDocument,
    "\n  query OrdersWithShipments {\n    orders(first: 50) { edges { node { id store { site { code } } shipments { trackingNumber timeline { status } } } } }\n  }\n": types.OrdersWithShipmentsDocument,
    "\n  query ShipmentPageTimelines($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id timelineCount timeline { occurredAt status description location { city coordinates { latitude precision } } } } }\n    }\n  }\n": types.ShipmentPageTimelinesDocument,
    "\n  query ShipmentRoutes($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id route { city coordinates { latitude } } currentPlace { city } } }\n    }\n  }\n": types.ShipmentRoutesDocument,
    "\n  mutation CreateBazaarStore($input: CreateStoreInput!) {\n    createStore(input: $input) { store { id site { locales } } errors { code } }\n  }\n": types.CreateBazaarStoreDocument,
    "\n  query BazaarParcel($id: ID!) {\n    shipment(id: $id) {\n      carrier { name trackingUrl }\n      order { state nativeStatus { code label(locale: \"de\") } }\n      timeline(locale: \"en\") { description }\n    }\n  }\n": types.BazaarParcelDocument,
    "\n  query ReviewRequest($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        reviewRequest { state reason detail scheduledFor sentAt attempts }\n      }\n    }\n  }\n": types.ReviewRequestDocument,
    "query ScopeStores { stores { id name } }": types.ScopeStoresDocument,
    "\n  subscription ShipmentUpdatedScope($id: ID!) { shipmentUpdated(id: $id) { id status } }\n": types.ShipmentUpdatedScopeDocument,
    "\n  query SellerMetrics($storeId: ID!, $window: MetricWindow!) {\n    sellerMetrics(storeId: $storeId, window: $window) {\n      window since until\n      validTrackingRate { ...MetricFields }\n      lateShipmentRate { ...MetricFields }\n      onTimeDeliveryRate { ...MetricFields }\n      preFulfillmentCancelRate { ...MetricFields }\n    }\n  }\n  fragment MetricFields on SellerMetric {\n    rate numerator denominator target targetComparison healthy\n    offendingOrders { id nativeOrderId }\n  }\n": types.SellerMetricsDocument,
    "\n  query ShipmentRisks($id: ID!) {\n    shipment(id: $id) { risks { code message raisedAt clearedAt } }\n  }\n": types.ShipmentRisksDocument,
    "\n  subscription SellerRiskRaised($storeId: ID!) {\n    sellerRiskRaised(storeId: $storeId) { code message shipment { id } }\n  }\n": types.SellerRiskRaisedDocument,
    "\n  query ShipmentEstimate($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      status\n      estimatedDelivery {\n        earliest\n        latest\n        mostLikely\n        basis { level from }\n        risks { code message }\n        explanation(locale: $locale)\n      }\n    }\n  }\n": types.ShipmentEstimateDocument,
    "\n  query ShipmentsWithEstimates {\n    shipments(first: 50) { edges { node { estimatedDelivery { mostLikely explanation } } } }\n  }\n": types.ShipmentsWithEstimatesDocument,
    "\n  query MilestoneEstimate($id: ID!) {\n    shipment(id: $id) {\n      estimatedDelivery { mostLikely basis { from } legs { milestone earliest latest } }\n    }\n  }\n": types.MilestoneEstimateDocument,
    "\n  subscription EstimateUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { status estimatedDelivery { mostLikely basis { from } } }\n  }\n": types.EstimateUpdatedDocument,
    "\n  query ShipmentsTravelling($travelling: Boolean, $storeId: ID, $after: String) {\n    shipments(first: 2, after: $after, filter: { travelling: $travelling, storeId: $storeId }) {\n      edges { node { id status substatus } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ShipmentsTravellingDocument,
    "\n  subscription ShipmentUpdatedMessage($id: ID!, $locale: Locale) {\n    shipmentUpdated(id: $id) {\n      id status\n      buyerMessage(milestone: OUT_FOR_DELIVERY, locale: $locale)\n      store { id }\n    }\n  }\n": types.ShipmentUpdatedMessageDocument,
    "\n  subscription TrackingEventAddedLocalised($locale: Locale) {\n    trackingEventAdded(locale: $locale) {\n      shipment { id status }\n      events { status description }\n    }\n  }\n": types.TrackingEventAddedLocalisedDocument,
    "\n  subscription ShipmentUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { id status substatus }\n  }\n": types.ShipmentUpdatedDocument,
    "\n  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {\n    trackingEventAdded(storeId: $storeId, locale: $locale) {\n      shipment { id trackingNumber }\n      events { status description occurredAt }\n    }\n  }\n": types.TrackingEventAddedDocument,
    "\n  query Everything($nodeId: ID!, $trackingNumber: String!) {\n    node(id: $nodeId) { id }\n    shipments(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    stores { id }\n    trackShipment(trackingNumber: $trackingNumber) { id }\n  }\n": types.EverythingDocument,
    "\n      query Scanner($id: ID!) { shipment(id: $id) { carrier { code } timeline { carrier { code } } } }\n    ": types.ScannerDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      state\n      rows\n      accepted\n      applied\n      unchanged\n      rejected\n      errors { row column value code message suggestions { carrier trackingNumber } }\n      warnings { row column code }\n    }\n  }\n": types.ImportJobDocument,
    "\n  mutation ImportTrackingFile($input: ImportTrackingFileInput!) {\n    importTrackingFile(input: $input) {\n      import { id state rows applied rejected errors { row column code message } }\n      errors { code field message }\n    }\n  }\n": types.ImportTrackingFileDocument,
    "\n  query Detect($n: String!) {\n    detectCarrier(trackingNumber: $n) {\n      carrier { code name trackingUrl }\n      format\n      checksum\n      confidence\n    }\n  }\n": types.DetectDocument,
    "\n  query DetectMany($numbers: [String!]!) {\n    detectCarriers(trackingNumbers: $numbers) {\n      input\n      normalized\n      matches { carrier { code } checksum }\n      errors { code message }\n    }\n  }\n": types.DetectManyDocument,
    "\n  query Validate($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      warnings { code message }\n      suggestions { trackingNumber carrier }\n    }\n  }\n": types.ValidateDocument,
    "\n  query DetectFrom($n: String!, $origin: String, $destination: String) {\n    detectCarrier(trackingNumber: $n, originCountry: $origin, destinationCountry: $destination) {\n      carrier { code }\n      checksum\n    }\n  }\n": types.DetectFromDocument,
    "\n  query DetectManyFrom($numbers: [String!]!, $origin: String) {\n    detectCarriers(trackingNumbers: $numbers, originCountry: $origin) {\n      matches { carrier { code } }\n    }\n  }\n": types.DetectManyFromDocument,
    "\n  query Carriers {\n    carriers { code name formats { name hasCheckDigit checksum } }\n  }\n": types.CarriersDocument,
    "\n  query ValidateNumber($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      matches { carrier { code } }\n    }\n  }\n": types.ValidateNumberDocument,
    "query UnmappedCodes { unmappedCarrierCodes { carrier rawCode count } }": types.UnmappedCodesDocument,
    "\n  query ValidTrackingReport($storeId: ID!, $window: MetricWindow!, $first: Int, $after: String, $last: Int) {\n    validTrackingReport(storeId: $storeId, window: $window, first: $first, after: $after, last: $last) {\n      edges {\n        cursor\n        node { reasons reportedAt marketplaceErrorCode marketplaceError shipment { id } }\n      }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }\n": types.ValidTrackingReportDocument,
    "\n  query VtrCounts($storeId: ID!) {\n    sellerMetrics(storeId: $storeId, window: DAYS_7) { validTrackingRate { numerator denominator } }\n  }\n": types.VtrCountsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchLimited($id: ID!) { shipmentUpdated(id: $id) { id } }\n"): (typeof documents)["\n  subscription WatchLimited($id: ID!) { shipmentUpdated(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRevocableKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } errors { code } }\n  }\n"): (typeof documents)["\n  mutation CreateRevocableKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOpenKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { errors { code } }\n  }\n"): (typeof documents)["\n  mutation RevokeOpenKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateOpenKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) { key errors { code } }\n  }\n"): (typeof documents)["\n  mutation RotateOpenKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) { key errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchRevocation($id: ID!) { shipmentUpdated(id: $id) { id } }\n"): (typeof documents)["\n  subscription WatchRevocation($id: ID!) { shipmentUpdated(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListKeys { apiKeys { id name prefix scopes expiresAt revokedAt } }\n"): (typeof documents)["\n  query ListKeys { apiKeys { id name prefix scopes expiresAt revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      key\n      apiKey { id name scopes }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      key\n      apiKey { id name scopes }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } errors { code field } }\n  }\n"): (typeof documents)["\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } errors { code field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PollConnectCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) {\n      account { id carrier status credentialNames lastError }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation PollConnectCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) {\n      account { id carrier status credentialNames lastError }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PollCarrierAccounts {\n    carrierAccounts { id carrier status credentialNames lastError pausedUntil lastPolledAt }\n  }\n"): (typeof documents)["\n  query PollCarrierAccounts {\n    carrierAccounts { id carrier status credentialNames lastError pausedUntil lastPolledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PollCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { path } errors { code } }\n  }\n"): (typeof documents)["\n  mutation PollCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { path } errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndpointCreate($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id path }\n      errors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation EndpointCreate($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id path }\n      errors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndpointRotate($input: RotateCarrierWebhookSecretInput!) {\n    rotateCarrierWebhookSecret(input: $input) {\n      webhook { id path previousSecretExpiresAt }\n      errors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation EndpointRotate($input: RotateCarrierWebhookSecretInput!) {\n    rotateCarrierWebhookSecret(input: $input) {\n      webhook { id path previousSecretExpiresAt }\n      errors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndpointDelete($input: DeleteCarrierWebhookInput!) {\n    deleteCarrierWebhook(input: $input) {\n      deletedId\n      errors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation EndpointDelete($input: DeleteCarrierWebhookInput!) {\n    deleteCarrierWebhook(input: $input) {\n      deletedId\n      errors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointList {\n    carrierWebhooks { id path previousSecretExpiresAt }\n  }\n"): (typeof documents)["\n  query EndpointList {\n    carrierWebhooks { id path previousSecretExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id provider path }\n      errors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) {\n      webhook { id provider path }\n      errors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrackedShipment($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) { status timeline { status rawCode } }\n  }\n"): (typeof documents)["\n  query TrackedShipment($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) { status timeline { status rawCode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandoffTimeline($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) {\n      carrier { code }\n      timeline { status carrier { code name } }\n    }\n  }\n"): (typeof documents)["\n  query HandoffTimeline($trackingNumber: String!) {\n    trackShipment(trackingNumber: $trackingNumber) {\n      carrier { code }\n      timeline { status carrier { code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EstimateDeliveries($inputs: [DeliveryEstimateInput!]!, $confidence: Float, $locale: Locale) {\n    estimateDeliveries(inputs: $inputs, confidence: $confidence) {\n      earliest\n      latest\n      mostLikely\n      confidence\n      timeZone\n      basis { level sampleSize lane from }\n      risks { code message }\n      explanation(locale: $locale)\n    }\n  }\n"): (typeof documents)["\n  query EstimateDeliveries($inputs: [DeliveryEstimateInput!]!, $confidence: Float, $locale: Locale) {\n    estimateDeliveries(inputs: $inputs, confidence: $confidence) {\n      earliest\n      latest\n      mostLikely\n      confidence\n      timeZone\n      basis { level sampleSize lane from }\n      risks { code message }\n      explanation(locale: $locale)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Unmapped { unmappedCarrierCodes { carrier rawCode count } }"): (typeof documents)["query Unmapped { unmappedCarrierCodes { carrier rawCode count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ShipmentsPage($first: Int) {\n      shipments(first: $first) { edges { node { id } } pageInfo { hasNextPage } }\n    }\n  "): (typeof documents)["\n    query ShipmentsPage($first: Int) {\n      shipments(first: $first) { edges { node { id } } pageInfo { hasNextPage } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentExceptions($id: ID!, $open: Boolean, $locale: Locale) {\n    shipment(id: $id) {\n      exceptions(open: $open) {\n        type\n        open\n        since\n        openedAt\n        closedAt\n        evidence\n        suggestedAction(locale: $locale)\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentExceptions($id: ID!, $open: Boolean, $locale: Locale) {\n    shipment(id: $id) {\n      exceptions(open: $open) {\n        type\n        open\n        since\n        openedAt\n        closedAt\n        evidence\n        suggestedAction(locale: $locale)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Exceptions($filter: ShipmentExceptionFilter, $first: Int) {\n    exceptions(filter: $filter, first: $first) {\n      countsByType { type count }\n      edges { node { type shipment { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query Exceptions($filter: ShipmentExceptionFilter, $first: Int) {\n    exceptions(filter: $filter, first: $first) {\n      countsByType { type count }\n      edges { node { type shipment { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExceptionRaised($storeId: ID!) {\n    exceptionRaised(storeId: $storeId) { type open suggestedAction shipment { id } }\n  }\n"): (typeof documents)["\n  subscription ExceptionRaised($storeId: ID!) {\n    exceptionRaised(storeId: $storeId) { type open suggestedAction shipment { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRules($input: SetStoreNotificationRulesInput!) {\n    setStoreNotificationRules(input: $input) {\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation SetRules($input: SetStoreNotificationRulesInput!) {\n    setStoreNotificationRules(input: $input) {\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPreferences($input: SetBuyerNotificationPreferencesInput!) {\n    setBuyerNotificationPreferences(input: $input) {\n      preferences { optedOut optedOutAt channel email phone locale timeZone }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPreferences($input: SetBuyerNotificationPreferencesInput!) {\n    setBuyerNotificationPreferences(input: $input) {\n      preferences { optedOut optedOutAt channel email phone locale timeZone }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderNotifications($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        notifications {\n          kind\n          channel\n          state\n          reason\n          detail\n          to\n          scheduledFor\n          sentAt\n          attempts\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderNotifications($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        notifications {\n          kind\n          channel\n          state\n          reason\n          detail\n          to\n          scheduledFor\n          sentAt\n          attempts\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreRules {\n    stores {\n      id\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreRules {\n    stores {\n      id\n      notificationRules {\n        enabled\n        milestones { milestone channel }\n        quietHoursStart\n        quietHoursEnd\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id nativeOrderId state }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id nativeOrderId state }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmShipment($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id trackingNumber status substatus carrier { code name trackingUrl } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmShipment($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id trackingNumber status substatus carrier { code name trackingUrl } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordEvents($input: RecordTrackingEventsInput!) {\n    recordTrackingEvents(input: $input) {\n      shipment { id status substatus lastEventAt }\n      recordedCount\n      duplicateCount\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordEvents($input: RecordTrackingEventsInput!) {\n    recordTrackingEvents(input: $input) {\n      shipment { id status substatus lastEventAt }\n      recordedCount\n      duplicateCount\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentTimeline($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      id\n      status\n      substatus\n      lastEventAt\n      timeline(locale: $locale) {\n        occurredAt\n        status\n        substatus\n        description\n        rawCode\n        rawDescription\n        isPhysicalScan\n        location { city region postalCode countryCode latitude longitude }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentTimeline($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      id\n      status\n      substatus\n      lastEventAt\n      timeline(locale: $locale) {\n        occurredAt\n        status\n        substatus\n        description\n        rawCode\n        rawDescription\n        isPhysicalScan\n        location { city region postalCode countryCode latitude longitude }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicUrl($id: ID!) {\n    shipment(id: $id) { id publicUrl }\n  }\n"): (typeof documents)["\n  query PublicUrl($id: ID!) {\n    shipment(id: $id) { id publicUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) { errors { code } }\n  }\n"): (typeof documents)["\n  mutation RevokeLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) { errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CreateStoreLimits($input: CreateStoreInput!) {\n        createStore(input: $input) { store { id } errors { code message field } }\n      }\n    "): (typeof documents)["\n      mutation CreateStoreLimits($input: CreateStoreInput!) {\n        createStore(input: $input) { store { id } errors { code message field } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation UpdateStatusLimits($input: UpdateOrderStatusInput!) {\n        updateOrderStatus(input: $input) { order { id } errors { code field } }\n      }\n    "): (typeof documents)["\n      mutation UpdateStatusLimits($input: UpdateOrderStatusInput!) {\n        updateOrderStatus(input: $input) { order { id } errors { code field } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query TrackLimits($trackingNumber: String!) {\n        trackShipment(trackingNumber: $trackingNumber) { id }\n      }\n    "): (typeof documents)["\n      query TrackLimits($trackingNumber: String!) {\n        trackShipment(trackingNumber: $trackingNumber) { id }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query FilterLimits($filter: ShipmentFilter) {\n        shipments(filter: $filter) { edges { node { id } } }\n      }\n    "): (typeof documents)["\n      query FilterLimits($filter: ShipmentFilter) {\n        shipments(filter: $filter) { edges { node { id } } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatrixSubscribe($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { webhookSubscription { id } errors { code } }\n  }\n"): (typeof documents)["\n  mutation MatrixSubscribe($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { webhookSubscription { id } errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatrixCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { id path } errors { code } }\n  }\n"): (typeof documents)["\n  mutation MatrixCarrierHook($input: CreateCarrierWebhookInput!) {\n    createCarrierWebhook(input: $input) { webhook { id path } errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatrixCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) { account { id } errors { code } }\n  }\n"): (typeof documents)["\n  mutation MatrixCarrierAccount($input: ConnectCarrierAccountInput!) {\n    connectCarrierAccount(input: $input) { account { id } errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatrixKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { apiKey { id } errors { code } }\n  }\n"): (typeof documents)["\n  mutation MatrixKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { apiKey { id } errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostedTimelines($shipments: Int, $entries: Int) {\n    shipments(first: $shipments) {\n      edges { node { id timeline(first: $entries) { occurredAt status description } } }\n    }\n  }\n"): (typeof documents)["\n  query CostedTimelines($shipments: Int, $entries: Int) {\n    shipments(first: $shipments) {\n      edges { node { id timeline(first: $entries) { occurredAt status description } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimelinePage($id: ID!, $first: Int, $after: String) {\n    shipment(id: $id) {\n      timelineCount\n      timeline(first: $first, after: $after) { cursor rawCode occurredAt }\n    }\n  }\n"): (typeof documents)["\n  query TimelinePage($id: ID!, $first: Int, $after: String) {\n    shipment(id: $id) {\n      timelineCount\n      timeline(first: $first, after: $after) { cursor rawCode occurredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"): (typeof documents)["query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query OrderShipments($id: ID!, $first: Int) {\n        node(id: $id) { ... on Order { shipments(first: $first) { trackingNumber } } }\n      }\n    "): (typeof documents)["\n      query OrderShipments($id: ID!, $first: Int) {\n        node(id: $id) { ... on Order { shipments(first: $first) { trackingNumber } } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectStore($input: ConnectStoreInput!) {\n    connectStore(input: $input) {\n      store { id syncPolicy accountId apiBaseUrl credentials { names updatedAt lastUsedAt } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectStore($input: ConnectStoreInput!) {\n    connectStore(input: $input) {\n      store { id syncPolicy accountId apiBaseUrl credentials { names updatedAt lastUsedAt } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStoreCredentials($input: UpdateStoreCredentialsInput!) {\n    updateStoreCredentials(input: $input) {\n      store { id credentials { names } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStoreCredentials($input: UpdateStoreCredentialsInput!) {\n    updateStoreCredentials(input: $input) {\n      store { id credentials { names } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStoreSyncPolicy($storeId: ID!, $syncPolicy: StoreSyncPolicy!) {\n    setStoreSyncPolicy(storeId: $storeId, syncPolicy: $syncPolicy) {\n      store { id syncPolicy }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetStoreSyncPolicy($storeId: ID!, $syncPolicy: StoreSyncPolicy!) {\n    setStoreSyncPolicy(storeId: $storeId, syncPolicy: $syncPolicy) {\n      store { id syncPolicy }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmForSync($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id marketplaceSync { state } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmForSync($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id marketplaceSync { state } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentSync($id: ID!) {\n    shipment(id: $id) {\n      id\n      marketplaceSync {\n        state attempts lastErrorCode lastError nextAttemptAt confirmedAt packageReference\n      }\n      risks { code }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentSync($id: ID!) {\n    shipment(id: $id) {\n      id\n      marketplaceSync {\n        state attempts lastErrorCode lastError nextAttemptAt confirmedAt packageReference\n      }\n      risks { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryMarketplaceSync($shipmentId: ID!) {\n    retryMarketplaceSync(shipmentId: $shipmentId) {\n      shipment { id marketplaceSync { state attempts } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryMarketplaceSync($shipmentId: ID!) {\n    retryMarketplaceSync(shipmentId: $shipmentId) {\n      shipment { id marketplaceSync { state attempts } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectShipmentTracking($input: CorrectShipmentTrackingInput!) {\n    correctShipmentTracking(input: $input) {\n      shipment { id trackingNumber marketplaceSync { state attempts } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CorrectShipmentTracking($input: CorrectShipmentTrackingInput!) {\n    correctShipmentTracking(input: $input) {\n      shipment { id trackingNumber marketplaceSync { state attempts } }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderAfterPush($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        id\n        nativeStatus { code }\n        state\n        shipments { trackingNumber carrier { code } marketplaceSync { state } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderAfterPush($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        id\n        nativeStatus { code }\n        state\n        shipments { trackingNumber carrier { code } marketplaceSync { state } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Marketplaces {\n    marketplaces { id name sites { code country locales timeZone currency weekend } orderStates { code canonical } }\n  }\n"): (typeof documents)["\n  query Marketplaces {\n    marketplaces { id name sites { code country locales timeZone currency weekend } orderStates { code canonical } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      store { id name marketplace { id name } site { code locales timeZone currency } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      store { id name marketplace { id name } site { code locales timeZone currency } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderStatus($id: ID!, $locale: Locale) {\n    node(id: $id) {\n      ... on Order {\n        state\n        stateLabel(locale: $locale)\n        buyerLocale\n        nativeStatus { code canonical label(locale: $locale) }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderStatus($id: ID!, $locale: Locale) {\n    node(id: $id) {\n      ... on Order {\n        state\n        stateLabel(locale: $locale)\n        buyerLocale\n        nativeStatus { code canonical label(locale: $locale) }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrderStatus($input: UpdateOrderStatusInput!) {\n    updateOrderStatus(input: $input) {\n      order { id state nativeStatus { code canonical } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrderStatus($input: UpdateOrderStatusInput!) {\n    updateOrderStatus(input: $input) {\n      order { id state nativeStatus { code canonical } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Descriptions($id: ID!, $locale: Locale, $milestone: Milestone!) {\n    shipment(id: $id) {\n      timeline(locale: $locale) { description }\n      buyerMessage(milestone: $milestone, locale: $locale)\n    }\n  }\n"): (typeof documents)["\n  query Descriptions($id: ID!, $locale: Locale, $milestone: Milestone!) {\n    shipment(id: $id) {\n      timeline(locale: $locale) { description }\n      buyerMessage(milestone: $milestone, locale: $locale)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDatedOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDatedOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      order { id placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDates($id: ID!) {\n    node(id: $id) { ... on Order { placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo } }\n  }\n"): (typeof documents)["\n  query OrderDates($id: ID!) {\n    node(id: $id) { ... on Order { placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      webhookSubscription { id url events enabled }\n      secret\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      webhookSubscription { id url events enabled }\n      secret\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(input: $input) {\n      webhookSubscription { id enabled disabledReason }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(input: $input) {\n      webhookSubscription { id enabled disabledReason }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      webhookSubscription { previousSecretExpiresAt }\n      secret\n      errors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      webhookSubscription { previousSecretExpiresAt }\n      secret\n      errors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookSubscriptions {\n    webhookSubscriptions { id enabled disabledReason disabledAt }\n  }\n"): (typeof documents)["\n  query WebhookSubscriptions {\n    webhookSubscriptions { id enabled disabledReason disabledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($subscriptionId: ID!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, first: 50) {\n      edges { node { id messageId eventType state attempts lastStatusCode lastError payload } }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($subscriptionId: ID!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, first: 50) {\n      edges { node { id messageId eventType state attempts lastStatusCode lastError payload } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery { id state }\n      errors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery { id state }\n      errors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayFailedWebhookDeliveries($input: ReplayFailedWebhookDeliveriesInput!) {\n    replayFailedWebhookDeliveries(input: $input) { replayed errors { code field } }\n  }\n"): (typeof documents)["\n  mutation ReplayFailedWebhookDeliveries($input: ReplayFailedWebhookDeliveriesInput!) {\n    replayFailedWebhookDeliveries(input: $input) { replayed errors { code field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmWithWarnings($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id status substatus }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmWithWarnings($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment { id status substatus }\n      errors { code message field }\n      warnings { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippedAt($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) { shipment { shippedAt } }\n  }\n"): (typeof documents)["\n  mutation ShippedAt($input: ConfirmShipmentInput!) {\n    confirmShipment(input: $input) { shipment { shippedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderState($id: ID!) { node(id: $id) { ... on Order { state nativeStatus { code } } } }\n"): (typeof documents)["\n  query OrderState($id: ID!) { node(id: $id) { ... on Order { state nativeStatus { code } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tracked($trackingNumber: String!) { trackShipment(trackingNumber: $trackingNumber) { status } }\n"): (typeof documents)["\n  query Tracked($trackingNumber: String!) { trackShipment(trackingNumber: $trackingNumber) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentPlaces($id: ID!) {\n    shipment(id: $id) {\n      timeline {\n        location {\n          city region countryCode latitude longitude\n          coordinates { latitude longitude precision }\n        }\n      }\n      route { city countryCode coordinates { precision } }\n      currentPlace { city countryCode coordinates { latitude longitude precision } }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentPlaces($id: ID!) {\n    shipment(id: $id) {\n      timeline {\n        location {\n          city region countryCode latitude longitude\n          coordinates { latitude longitude precision }\n        }\n      }\n      route { city countryCode coordinates { precision } }\n      currentPlace { city countryCode coordinates { latitude longitude precision } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotifiedLink($id: ID!) {\n    shipment(id: $id) { publicUrl }\n  }\n"): (typeof documents)["\n  query NotifiedLink($id: ID!) {\n    shipment(id: $id) { publicUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryFeedbackReport($storeId: ID!, $since: DateTime) {\n    deliveryFeedback(storeId: $storeId, since: $since) {\n      count\n      average\n      byCarrier { carrier count average }\n      byLane { originCountry destinationCountry count average }\n      latestComments { rating comment carrier originCountry destinationCountry ratedAt }\n    }\n  }\n"): (typeof documents)["\n  query DeliveryFeedbackReport($storeId: ID!, $since: DateTime) {\n    deliveryFeedback(storeId: $storeId, since: $since) {\n      count\n      average\n      byCarrier { carrier count average }\n      byLane { originCountry destinationCountry count average }\n      latestComments { rating comment carrier originCountry destinationCountry ratedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicLink($id: ID!) {\n    shipment(id: $id) {\n      id\n      publicUrl\n      publicUrlRevokedAt\n      order { id nativeOrderId }\n      store { id }\n    }\n  }\n"): (typeof documents)["\n  query PublicLink($id: ID!) {\n    shipment(id: $id) {\n      id\n      publicUrl\n      publicUrlRevokedAt\n      order { id nativeOrderId }\n      store { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePublicTrackingLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) {\n      shipment { id publicUrlRevokedAt }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokePublicTrackingLink($input: RevokePublicTrackingLinkInput!) {\n    revokePublicTrackingLink(input: $input) {\n      shipment { id publicUrlRevokedAt }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentsWithTimelines {\n    shipments(first: 50) { edges { node { order { id } timeline { status } } } }\n  }\n"): (typeof documents)["\n  query ShipmentsWithTimelines {\n    shipments(first: 50) { edges { node { order { id } timeline { status } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersWithShipments {\n    orders(first: 50) { edges { node { id store { site { code } } shipments { trackingNumber timeline { status } } } } }\n  }\n"): (typeof documents)["\n  query OrdersWithShipments {\n    orders(first: 50) { edges { node { id store { site { code } } shipments { trackingNumber timeline { status } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentPageTimelines($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id timelineCount timeline { occurredAt status description location { city coordinates { latitude precision } } } } }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentPageTimelines($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id timelineCount timeline { occurredAt status description location { city coordinates { latitude precision } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentRoutes($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id route { city coordinates { latitude } } currentPlace { city } } }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentRoutes($first: Int!) {\n    shipments(first: $first) {\n      edges { node { id route { city coordinates { latitude } } currentPlace { city } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBazaarStore($input: CreateStoreInput!) {\n    createStore(input: $input) { store { id site { locales } } errors { code } }\n  }\n"): (typeof documents)["\n  mutation CreateBazaarStore($input: CreateStoreInput!) {\n    createStore(input: $input) { store { id site { locales } } errors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BazaarParcel($id: ID!) {\n    shipment(id: $id) {\n      carrier { name trackingUrl }\n      order { state nativeStatus { code label(locale: \"de\") } }\n      timeline(locale: \"en\") { description }\n    }\n  }\n"): (typeof documents)["\n  query BazaarParcel($id: ID!) {\n    shipment(id: $id) {\n      carrier { name trackingUrl }\n      order { state nativeStatus { code label(locale: \"de\") } }\n      timeline(locale: \"en\") { description }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewRequest($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        reviewRequest { state reason detail scheduledFor sentAt attempts }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewRequest($id: ID!) {\n    node(id: $id) {\n      ... on Order {\n        reviewRequest { state reason detail scheduledFor sentAt attempts }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScopeStores { stores { id name } }"): (typeof documents)["query ScopeStores { stores { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShipmentUpdatedScope($id: ID!) { shipmentUpdated(id: $id) { id status } }\n"): (typeof documents)["\n  subscription ShipmentUpdatedScope($id: ID!) { shipmentUpdated(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerMetrics($storeId: ID!, $window: MetricWindow!) {\n    sellerMetrics(storeId: $storeId, window: $window) {\n      window since until\n      validTrackingRate { ...MetricFields }\n      lateShipmentRate { ...MetricFields }\n      onTimeDeliveryRate { ...MetricFields }\n      preFulfillmentCancelRate { ...MetricFields }\n    }\n  }\n  fragment MetricFields on SellerMetric {\n    rate numerator denominator target targetComparison healthy\n    offendingOrders { id nativeOrderId }\n  }\n"): (typeof documents)["\n  query SellerMetrics($storeId: ID!, $window: MetricWindow!) {\n    sellerMetrics(storeId: $storeId, window: $window) {\n      window since until\n      validTrackingRate { ...MetricFields }\n      lateShipmentRate { ...MetricFields }\n      onTimeDeliveryRate { ...MetricFields }\n      preFulfillmentCancelRate { ...MetricFields }\n    }\n  }\n  fragment MetricFields on SellerMetric {\n    rate numerator denominator target targetComparison healthy\n    offendingOrders { id nativeOrderId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentRisks($id: ID!) {\n    shipment(id: $id) { risks { code message raisedAt clearedAt } }\n  }\n"): (typeof documents)["\n  query ShipmentRisks($id: ID!) {\n    shipment(id: $id) { risks { code message raisedAt clearedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SellerRiskRaised($storeId: ID!) {\n    sellerRiskRaised(storeId: $storeId) { code message shipment { id } }\n  }\n"): (typeof documents)["\n  subscription SellerRiskRaised($storeId: ID!) {\n    sellerRiskRaised(storeId: $storeId) { code message shipment { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentEstimate($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      status\n      estimatedDelivery {\n        earliest\n        latest\n        mostLikely\n        basis { level from }\n        risks { code message }\n        explanation(locale: $locale)\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentEstimate($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      status\n      estimatedDelivery {\n        earliest\n        latest\n        mostLikely\n        basis { level from }\n        risks { code message }\n        explanation(locale: $locale)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentsWithEstimates {\n    shipments(first: 50) { edges { node { estimatedDelivery { mostLikely explanation } } } }\n  }\n"): (typeof documents)["\n  query ShipmentsWithEstimates {\n    shipments(first: 50) { edges { node { estimatedDelivery { mostLikely explanation } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MilestoneEstimate($id: ID!) {\n    shipment(id: $id) {\n      estimatedDelivery { mostLikely basis { from } legs { milestone earliest latest } }\n    }\n  }\n"): (typeof documents)["\n  query MilestoneEstimate($id: ID!) {\n    shipment(id: $id) {\n      estimatedDelivery { mostLikely basis { from } legs { milestone earliest latest } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EstimateUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { status estimatedDelivery { mostLikely basis { from } } }\n  }\n"): (typeof documents)["\n  subscription EstimateUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { status estimatedDelivery { mostLikely basis { from } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentsTravelling($travelling: Boolean, $storeId: ID, $after: String) {\n    shipments(first: 2, after: $after, filter: { travelling: $travelling, storeId: $storeId }) {\n      edges { node { id status substatus } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentsTravelling($travelling: Boolean, $storeId: ID, $after: String) {\n    shipments(first: 2, after: $after, filter: { travelling: $travelling, storeId: $storeId }) {\n      edges { node { id status substatus } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShipmentUpdatedMessage($id: ID!, $locale: Locale) {\n    shipmentUpdated(id: $id) {\n      id status\n      buyerMessage(milestone: OUT_FOR_DELIVERY, locale: $locale)\n      store { id }\n    }\n  }\n"): (typeof documents)["\n  subscription ShipmentUpdatedMessage($id: ID!, $locale: Locale) {\n    shipmentUpdated(id: $id) {\n      id status\n      buyerMessage(milestone: OUT_FOR_DELIVERY, locale: $locale)\n      store { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrackingEventAddedLocalised($locale: Locale) {\n    trackingEventAdded(locale: $locale) {\n      shipment { id status }\n      events { status description }\n    }\n  }\n"): (typeof documents)["\n  subscription TrackingEventAddedLocalised($locale: Locale) {\n    trackingEventAdded(locale: $locale) {\n      shipment { id status }\n      events { status description }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShipmentUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { id status substatus }\n  }\n"): (typeof documents)["\n  subscription ShipmentUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { id status substatus }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {\n    trackingEventAdded(storeId: $storeId, locale: $locale) {\n      shipment { id trackingNumber }\n      events { status description occurredAt }\n    }\n  }\n"): (typeof documents)["\n  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {\n    trackingEventAdded(storeId: $storeId, locale: $locale) {\n      shipment { id trackingNumber }\n      events { status description occurredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Everything($nodeId: ID!, $trackingNumber: String!) {\n    node(id: $nodeId) { id }\n    shipments(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    stores { id }\n    trackShipment(trackingNumber: $trackingNumber) { id }\n  }\n"): (typeof documents)["\n  query Everything($nodeId: ID!, $trackingNumber: String!) {\n    node(id: $nodeId) { id }\n    shipments(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    stores { id }\n    trackShipment(trackingNumber: $trackingNumber) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query Scanner($id: ID!) { shipment(id: $id) { carrier { code } timeline { carrier { code } } } }\n    "): (typeof documents)["\n      query Scanner($id: ID!) { shipment(id: $id) { carrier { code } timeline { carrier { code } } } }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      state\n      rows\n      accepted\n      applied\n      unchanged\n      rejected\n      errors { row column value code message suggestions { carrier trackingNumber } }\n      warnings { row column code }\n    }\n  }\n"): (typeof documents)["\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      state\n      rows\n      accepted\n      applied\n      unchanged\n      rejected\n      errors { row column value code message suggestions { carrier trackingNumber } }\n      warnings { row column code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportTrackingFile($input: ImportTrackingFileInput!) {\n    importTrackingFile(input: $input) {\n      import { id state rows applied rejected errors { row column code message } }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportTrackingFile($input: ImportTrackingFileInput!) {\n    importTrackingFile(input: $input) {\n      import { id state rows applied rejected errors { row column code message } }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Detect($n: String!) {\n    detectCarrier(trackingNumber: $n) {\n      carrier { code name trackingUrl }\n      format\n      checksum\n      confidence\n    }\n  }\n"): (typeof documents)["\n  query Detect($n: String!) {\n    detectCarrier(trackingNumber: $n) {\n      carrier { code name trackingUrl }\n      format\n      checksum\n      confidence\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DetectMany($numbers: [String!]!) {\n    detectCarriers(trackingNumbers: $numbers) {\n      input\n      normalized\n      matches { carrier { code } checksum }\n      errors { code message }\n    }\n  }\n"): (typeof documents)["\n  query DetectMany($numbers: [String!]!) {\n    detectCarriers(trackingNumbers: $numbers) {\n      input\n      normalized\n      matches { carrier { code } checksum }\n      errors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Validate($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      warnings { code message }\n      suggestions { trackingNumber carrier }\n    }\n  }\n"): (typeof documents)["\n  query Validate($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      warnings { code message }\n      suggestions { trackingNumber carrier }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DetectFrom($n: String!, $origin: String, $destination: String) {\n    detectCarrier(trackingNumber: $n, originCountry: $origin, destinationCountry: $destination) {\n      carrier { code }\n      checksum\n    }\n  }\n"): (typeof documents)["\n  query DetectFrom($n: String!, $origin: String, $destination: String) {\n    detectCarrier(trackingNumber: $n, originCountry: $origin, destinationCountry: $destination) {\n      carrier { code }\n      checksum\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DetectManyFrom($numbers: [String!]!, $origin: String) {\n    detectCarriers(trackingNumbers: $numbers, originCountry: $origin) {\n      matches { carrier { code } }\n    }\n  }\n"): (typeof documents)["\n  query DetectManyFrom($numbers: [String!]!, $origin: String) {\n    detectCarriers(trackingNumbers: $numbers, originCountry: $origin) {\n      matches { carrier { code } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Carriers {\n    carriers { code name formats { name hasCheckDigit checksum } }\n  }\n"): (typeof documents)["\n  query Carriers {\n    carriers { code name formats { name hasCheckDigit checksum } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ValidateNumber($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      matches { carrier { code } }\n    }\n  }\n"): (typeof documents)["\n  query ValidateNumber($carrier: String!, $n: String!) {\n    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {\n      valid\n      normalized\n      errors { code message }\n      matches { carrier { code } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnmappedCodes { unmappedCarrierCodes { carrier rawCode count } }"): (typeof documents)["query UnmappedCodes { unmappedCarrierCodes { carrier rawCode count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ValidTrackingReport($storeId: ID!, $window: MetricWindow!, $first: Int, $after: String, $last: Int) {\n    validTrackingReport(storeId: $storeId, window: $window, first: $first, after: $after, last: $last) {\n      edges {\n        cursor\n        node { reasons reportedAt marketplaceErrorCode marketplaceError shipment { id } }\n      }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ValidTrackingReport($storeId: ID!, $window: MetricWindow!, $first: Int, $after: String, $last: Int) {\n    validTrackingReport(storeId: $storeId, window: $window, first: $first, after: $after, last: $last) {\n      edges {\n        cursor\n        node { reasons reportedAt marketplaceErrorCode marketplaceError shipment { id } }\n      }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VtrCounts($storeId: ID!) {\n    sellerMetrics(storeId: $storeId, window: DAYS_7) { validTrackingRate { numerator denominator } }\n  }\n"): (typeof documents)["\n  query VtrCounts($storeId: ID!) {\n    sellerMetrics(storeId: $storeId, window: DAYS_7) { validTrackingRate { numerator denominator } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;